package org.parkhub.customs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/**
 * Customs: what the hub does with a signature that does not verify; the tax tables of the pre-check; the gateway that
 * takes the customs participant's copies to customs, signed, in the DXP envelope; the built-in customs simulator.
 */
public record CustomsSettings(boolean verifySignatures, Path taxRates, Path positiveList, Path declarants,
                              String gatewayParticipant,
                              String gatewayEndpoint, Optional<Path> signingKeyStore, String signingPassword,
                              String signingAlias, String dxpHubId, String dxpReceiverId, Duration simulatorStep,
                              int simulatorInspectionPercent) {

    /** The gateway endpoint that means the built-in simulator. */
    public static final String SIMULATOR = "simulator";

    public static final Setting VERIFY_SIGNATURES = Setting.of("ceb.verify-signatures", "false",
            "`true` refuses a customs document whose XML signature does not verify (or cannot be checked, such as "
                    + "SM2); `false` takes it with a `SIGNATURE_INVALID` warning. Either way a signed document is kept "
                    + "as sent, as evidence");

    public static final Setting TAX_RATES = Setting.of("customs.tax-rates", "config/customs/tax-rates.yaml",
            "the retail import tax tables by the date they apply from (VAT, the 70% share, limits, consumption tax by HS "
                    + "code); read again when the file changes");

    public static final Setting POSITIVE_LIST = Setting.of("customs.positive-list", "config/customs/positive-list.yaml",
            "the goods that may come in as retail imports (跨境电子商务零售进口商品清单) by edition; replace it with the "
                    + "official list; read again when the file changes");

    public static final Setting DECLARANTS = Setting.of("customs.declarants", "config/customs/declarants.yaml",
            "who declares each platform's matched cases, whether the hub drafts the declaration for the broker or "
                    + "declares on its behalf, and the settings a declaration needs; read again when the file changes");

    public static final Setting GATEWAY_PARTICIPANT = Setting.of("customs.gateway.participant", "CUSTOMS",
            "the participant standing for customs: the gateway takes the copies routed to it (declarations, orders, "
                    + "payments, waybills) to `customs.gateway.endpoint`; empty: no gateway, the participant reads its "
                    + "own queue");

    public static final Setting GATEWAY_ENDPOINT = Setting.of("customs.gateway.endpoint", SIMULATOR,
            "where the gateway sends each document (signed CEB XML in a DXP envelope): `simulator` (the built-in "
                    + "customs simulator), or a Camel endpoint such as `file:/var/dxp/out`, "
                    + "`ftp://dxp@host/out?password=RAW(...)`, `jms:queue:dxp.out` (an address on the hub's broker) "
                    + "or `https://host/dxp`");

    public static final Setting SIGNING_KEY_STORE = Setting.of("customs.signing.key-store", "",
            "the PKCS#12 key store whose key signs declarations (CEB621/623/625/711) to customs; empty: a demo key "
                    + "made at first use in the data directory (`customs-signing.p12`), good for the simulator only");

    public static final Setting SIGNING_PASSWORD = Setting.of("customs.signing.password", "",
            "the key store's password (and the key's)");

    public static final Setting SIGNING_ALIAS = Setting.of("customs.signing.alias", "ceb",
            "the signing key's alias in the key store");

    public static final Setting DXP_HUB_ID = Setting.of("customs.dxp.hub-id", "DXPPARKHUB000001",
            "the DXP SenderId of documents whose sender has no DXP code of its own (`dxpCode`)");

    public static final Setting DXP_RECEIVER_ID = Setting.of("customs.dxp.receiver-id", "DXPEDCCEB0000002",
            "the DXP ReceiverId documents are addressed to (customs' cross-border e-commerce system)");

    public static final Setting SIMULATOR_STEP = Setting.of("customs.simulator.step-seconds", "2",
            "how long the simulator takes for each of its answers (2, then 120, then 800): seconds");

    public static final Setting SIMULATOR_INSPECTION = Setting.of("customs.simulator.inspection-percent", "5",
            "the share of declarations the simulator sends to physical inspection (500) before it releases them");

    public static final SettingGroup SETTINGS = new SettingGroup("Customs", VERIFY_SIGNATURES, TAX_RATES, POSITIVE_LIST,
            DECLARANTS, GATEWAY_PARTICIPANT, GATEWAY_ENDPOINT, SIGNING_KEY_STORE, SIGNING_PASSWORD, SIGNING_ALIAS, DXP_HUB_ID,
            DXP_RECEIVER_ID, SIMULATOR_STEP, SIMULATOR_INSPECTION);

    public static CustomsSettings from(SettingValues values) {
        String keyStore = values.text(SIGNING_KEY_STORE);
        int inspection = values.integer(SIMULATOR_INSPECTION);
        if (inspection < 0 || inspection > 100) {
            throw new SettingValues.InvalidSetting(SIMULATOR_INSPECTION.property(), String.valueOf(inspection),
                    "a percentage from 0 to 100");
        }
        return new CustomsSettings(values.flag(VERIFY_SIGNATURES), values.path(TAX_RATES), values.path(POSITIVE_LIST),
                values.path(DECLARANTS), values.text(GATEWAY_PARTICIPANT), values.text(GATEWAY_ENDPOINT),
                keyStore.isEmpty() ? Optional.empty() : Optional.of(Path.of(keyStore)), values.text(SIGNING_PASSWORD),
                values.text(SIGNING_ALIAS), values.text(DXP_HUB_ID), values.text(DXP_RECEIVER_ID),
                values.seconds(SIMULATOR_STEP), inspection);
    }

    /** Whether the gateway sends to the built-in simulator. */
    public boolean simulated() {
        return !gatewayParticipant.isEmpty() && SIMULATOR.equals(gatewayEndpoint);
    }
}
