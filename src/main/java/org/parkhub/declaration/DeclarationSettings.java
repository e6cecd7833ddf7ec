package org.parkhub.declaration;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** How long a declaration may wait in a state before the hub raises a {@code DECLARATION_STUCK} alert. */
public record DeclarationSettings(Map<DeclarationState, Duration> stuckAfter) {

    public static final Setting STUCK_DECLARED = Setting.of("declarations.stuck-minutes.declared", "120",
            "minutes a declaration may stay declared (2) before customs takes it in; `0`: no alert");
    public static final Setting STUCK_ACCEPTED = Setting.of("declarations.stuck-minutes.accepted", "120",
            "minutes it may stay in customs' database (120) without a decision; `0`: no alert");
    public static final Setting STUCK_INSPECTION = Setting.of("declarations.stuck-minutes.inspection", "1440",
            "minutes it may stay under inspection (500); `0`: no alert");

    public static final SettingGroup SETTINGS = new SettingGroup("Declarations", STUCK_DECLARED, STUCK_ACCEPTED,
            STUCK_INSPECTION);

    public static DeclarationSettings from(SettingValues values) {
        Map<DeclarationState, Duration> limits = new EnumMap<>(DeclarationState.class);
        limits.put(DeclarationState.DECLARED, Duration.ofMinutes(values.number(STUCK_DECLARED)));
        limits.put(DeclarationState.ACCEPTED, Duration.ofMinutes(values.number(STUCK_ACCEPTED)));
        limits.put(DeclarationState.INSPECTION, Duration.ofMinutes(values.number(STUCK_INSPECTION)));
        limits.values().removeIf(Duration::isZero);
        return new DeclarationSettings(Map.copyOf(limits));
    }
}
