package cn.pubdata.approval.admission;

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character over the first 17. */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARS.charAt(check == 31 ? 0 : check) == code.charAt(17);
    }
}
