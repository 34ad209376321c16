package cn.youguang.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Report numbers citizens can read out on the phone: channel, day, six random digits (SP-20261125-048213). Random,
 * not sequential, so numbers say nothing about volume and cannot be walked; the unique index settles collisions.
 */
@ApplicationScoped
public class ReportNumbers {

    private final ReportRepository reports;
    private final SecureRandom random = new SecureRandom();

    public ReportNumbers(ReportRepository reports) {
        this.reports = reports;
    }

    public String next(Channel channel, LocalDate day) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String number = channel.prefix() + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-"
                    + String.format("%06d", random.nextInt(1_000_000));
            if (!reports.numberTaken(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No free report number");
    }

    static boolean looksLikeNumber(String number) {
        return number != null && number.matches("[A-Z]{2}-\\d{8}-\\d{6}");
    }
}
