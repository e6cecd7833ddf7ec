package org.parkhub.validate;

/** GS1 GTIN-8/12/13/14 barcodes: the last digit is a mod-10 check digit. */
public final class Gtin {

    private Gtin() {
    }

    public static boolean isValid(String code) {
        if (code == null || !(code.length() == 8 || code.length() == 12 || code.length() == 13 || code.length() == 14)
                || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        // weights 3,1,3,1... from the digit left of the check digit
        for (int i = code.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (code.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == code.charAt(code.length() - 1) - '0';
    }
}
