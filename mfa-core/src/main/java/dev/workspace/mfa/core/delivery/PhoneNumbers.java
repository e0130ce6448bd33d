package dev.workspace.mfa.core.delivery;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.workspace.mfa.core.delivery.PhoneCheck.Outcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which typed phone numbers may receive sign-in codes by SMS (libphonenumber's metadata). Only mobile numbers, and
 * only in the workspace's regions when it names some: SMS to premium or far-away numbers are the classic toll fraud
 * of sign-in forms.
 */
@ApplicationScoped
public class PhoneNumbers {

    /** Longer than any number with spaces and a country code; anything longer is refused before parsing. */
    static final int MAX_TYPED_LENGTH = 40;

    /** Digits and the separators people type. Letters are refused, though libphonenumber would read 1-800-FLOWERS. */
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 ()./\\-]+");
    private static final Set<PhoneNumberType> RECEIVES_SMS = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * @param defaultRegion  the region of numbers typed without {@code +} (MFA_PHONE_REGION); empty: they are malformed
     * @param allowedRegions ISO regions whose numbers are accepted (MFA_SMS_REGIONS); empty: all
     */
    public PhoneCheck check(String typed, Optional<String> defaultRegion, Set<String> allowedRegions) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH || !TYPED.matcher(typed.strip()).matches()) {
            return PhoneCheck.refused(Outcome.MALFORMED);
        }
        PhoneNumber number;
        try {
            // "ZZ", the unknown region, makes libphonenumber accept only numbers in international form.
            number = UTIL.parse(typed.strip(), defaultRegion.orElse("ZZ"));
        } catch (NumberParseException e) {
            return PhoneCheck.refused(Outcome.MALFORMED);
        }
        if (!UTIL.isValidNumber(number)) {
            return PhoneCheck.refused(Outcome.MALFORMED);
        }
        if (!allowedRegions.isEmpty() && !allowedRegions.contains(UTIL.getRegionCodeForNumber(number))) {
            return PhoneCheck.refused(Outcome.REGION_NOT_ALLOWED);
        }
        if (!RECEIVES_SMS.contains(UTIL.getNumberType(number))) {
            return PhoneCheck.refused(Outcome.NOT_MOBILE);
        }
        return PhoneCheck.valid(UTIL.format(number, PhoneNumberFormat.E164));
    }

    /** {@code +4915112345612} becomes {@code +49 •••••••••12}: the country and the last two digits, for logs and pages. */
    public static String mask(String e164) {
        try {
            PhoneNumber number = UTIL.parse(e164, "ZZ");
            String national = UTIL.getNationalSignificantNumber(number);
            if (national.length() <= 2) {
                return MaskedAddress.BULLETS;
            }
            return "+" + number.getCountryCode() + " " + "•".repeat(national.length() - 2)
                    + national.substring(national.length() - 2);
        } catch (NumberParseException e) {
            return MaskedAddress.BULLETS;
        }
    }
}
