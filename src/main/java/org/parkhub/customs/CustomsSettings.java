package org.parkhub.customs;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** Customs XML: what the hub does with a signature that does not verify. */
public record CustomsSettings(boolean verifySignatures) {

    public static final Setting VERIFY_SIGNATURES = Setting.of("ceb.verify-signatures", "false",
            "`true` refuses a customs document whose XML signature does not verify (or cannot be checked, such as "
                    + "SM2); `false` takes it with a `SIGNATURE_INVALID` warning. Either way a signed document is kept "
                    + "as sent, as evidence");

    public static final SettingGroup SETTINGS = new SettingGroup("Customs XML", VERIFY_SIGNATURES);

    public static CustomsSettings from(SettingValues values) {
        return new CustomsSettings(values.flag(VERIFY_SIGNATURES));
    }
}
