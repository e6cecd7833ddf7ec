package org.parkhub.validate;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Mainland resident identity card numbers (GB 11643-1999): 18 characters, birth date, ISO 7064 MOD 11-2 check. */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdCardNumber() {
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != 18 || !number.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (!hasValidBirthDate(number)) {
            return false;
        }
        return Character.toUpperCase(number.charAt(17)) == checkCharacter(number.substring(0, 17));
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean hasValidBirthDate(String number) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
