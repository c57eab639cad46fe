package bot.notify;

import java.io.IOException;

/** One receiver of notices (a webhook, a Telegram chat); called from the sender's thread only. */
interface NoticeChannel {
    /** A name for the log: never a URL or anything secret. */
    String name();

    /** Delivers the notice, or throws with a message that holds nothing secret. */
    void send(Notice notice) throws IOException;
}
