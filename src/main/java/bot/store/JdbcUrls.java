package bot.store;

import java.util.regex.Pattern;

/** Makes a JDBC URL safe to show: no password parameter, no user:password@ part. */
final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private JdbcUrls() {
    }

    static String withoutSecrets(String url) {
        String safe = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(safe).replaceAll("//***@");
    }
}
