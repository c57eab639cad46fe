package bot.rest;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer of a Binance host, read whole: what the caller makes of it (a value, a
 * rejection, an unknown outcome) is the caller's to say. A 429/418's Retry-After is not here: the
 * host's budget already holds every caller back until then.
 */
public record RestAnswer(int status, byte[] body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** 429 (too much weight) or 418 (banned for going on after a 429). */
    public boolean rateLimited() {
        return status == 429 || status == 418;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
