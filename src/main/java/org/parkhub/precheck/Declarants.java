package org.parkhub.precheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parkhub.model.TradeMode;

/**
 * Who declares a platform's matched cases, and with what ({@code config/customs/declarants.yaml}): the broker, whether
 * the hub drafts for it or declares on its behalf, and what a declaration needs that no document of the transaction
 * says (trade mode, customs and port, the bonded area and account book). Read again when the file changes.
 */
public final class Declarants {

    /** How the hub hands a broker what it assembled. */
    public enum Mode { DRAFT, ON_BEHALF }

    /** One platform's declarant. */
    public record Declarant(String platform, String broker, Mode mode, TradeMode tradeMode, String customsCode,
                            String portCode, String areaCode, String areaName, String emsNo, String trafMode,
                            String wrapType) {
    }

    record File(List<Entry> declarants) {
    }

    /** As the file writes it. */
    record Entry(String platform, String broker, String mode, String tradeMode, String customsCode, String portCode,
                 String areaCode, String areaName, String emsNo, String trafMode, String wrapType) {
    }

    private final ReloadingYaml<List<Declarant>> file;

    private Declarants(ReloadingYaml<List<Declarant>> file) {
        this.file = file;
    }

    /** Reads the file; one that does not read stops the start with the reason. */
    public static Declarants load(Path file) throws IOException {
        return new Declarants(ReloadingYaml.load(file, File.class, Declarants::declarants));
    }

    /** The platform's declarant, if the park named one. */
    public Optional<Declarant> of(String ebpCode) {
        return file.current().stream().filter(d -> d.platform().equals(ebpCode)).findFirst();
    }

    private static List<Declarant> declarants(File parsed) {
        List<Entry> entries = parsed.declarants() == null ? List.of() : parsed.declarants();
        Set<String> platforms = new HashSet<>();
        return entries.stream().map(e -> {
            if (e.platform() == null || e.broker() == null || e.customsCode() == null || e.portCode() == null) {
                throw new IllegalArgumentException("each declarant names platform, broker, customsCode, portCode");
            }
            if (!platforms.add(e.platform())) {
                throw new IllegalArgumentException("platform " + e.platform() + " has two declarants");
            }
            TradeMode tradeMode = java.util.Arrays.stream(TradeMode.values())
                    .filter(m -> m.customsCode().equals(e.tradeMode())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(e.platform() + ": tradeMode " + e.tradeMode()
                            + " is not one of 1210, 1239, 9610"));
            if (tradeMode.bonded() && (e.emsNo() == null || e.areaCode() == null)) {
                throw new IllegalArgumentException(e.platform() + ": a bonded declarant names its emsNo and areaCode");
            }
            Mode mode = switch (e.mode() == null ? "draft" : e.mode()) {
                case "draft" -> Mode.DRAFT;
                case "on-behalf" -> Mode.ON_BEHALF;
                default -> throw new IllegalArgumentException(e.platform() + ": mode is draft or on-behalf, not " + e.mode());
            };
            return new Declarant(e.platform(), e.broker(), mode, tradeMode, e.customsCode(), e.portCode(), e.areaCode(),
                    e.areaName(), e.emsNo(), e.trafMode(), e.wrapType());
        }).toList();
    }
}
