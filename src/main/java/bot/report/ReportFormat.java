package bot.report;

import java.io.IOException;
import java.io.Writer;

/** The outputs of {@code bot report}: a table for people, CSV and JSON for programs. */
public enum ReportFormat {
    TABLE {
        @Override
        public void write(Report report, Writer out) throws IOException {
            TableReportWriter.write(report, out);
        }
    },
    CSV {
        @Override
        public void write(Report report, Writer out) throws IOException {
            CsvReportWriter.write(report, out);
        }
    },
    JSON {
        @Override
        public void write(Report report, Writer out) throws IOException {
            JsonReportWriter.write(report, out);
        }
    };

    public abstract void write(Report report, Writer out) throws IOException;
}
