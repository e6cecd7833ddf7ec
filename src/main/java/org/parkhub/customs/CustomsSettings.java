package org.parkhub.customs;

import java.nio.file.Path;

import org.parkhub.config.Setting;
import org.parkhub.config.SettingGroup;
import org.parkhub.config.SettingValues;

/** Customs: what the hub does with a signature that does not verify; the tax tables of the pre-check. */
public record CustomsSettings(boolean verifySignatures, Path taxRates, Path positiveList) {

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

    public static final SettingGroup SETTINGS = new SettingGroup("Customs", VERIFY_SIGNATURES, TAX_RATES, POSITIVE_LIST);

    public static CustomsSettings from(SettingValues values) {
        return new CustomsSettings(values.flag(VERIFY_SIGNATURES), values.path(TAX_RATES), values.path(POSITIVE_LIST));
    }
}
