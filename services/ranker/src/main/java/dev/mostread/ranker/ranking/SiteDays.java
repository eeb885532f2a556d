package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Local midnight per site, in each site's time zone (UTC unless configured), remembered until the day ends. */
public final class SiteDays {

    private record Day(long start, long end, long previousStart) {}

    private final Map<String, ZoneId> zones;
    private final Map<String, Day> days = new HashMap<>();

    public SiteDays(Map<String, ZoneId> zones) {
        this.zones = Map.copyOf(zones);
    }

    public ZoneId zone(String site) {
        return zones.getOrDefault(site, ZoneOffset.UTC);
    }

    /** Epoch milliseconds of local midnight of the day that holds {@code now} for {@code site}. */
    public long startOfDay(String site, long now) {
        return day(site, now).start();
    }

    /** Epoch milliseconds of local midnight of the day before the one that holds {@code now}. */
    public long startOfYesterday(String site, long now) {
        return day(site, now).previousStart();
    }

    private Day day(String site, long now) {
        Day day = days.get(site);
        if (day == null || now < day.start() || now >= day.end()) {
            ZoneId zone = zone(site);
            long start = Period.startOfDay(now, zone);
            java.time.LocalDate date =
                    java.time.Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
            long end = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            long previous = date.minusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            day = new Day(start, end, previous);
            days.put(site, day);
        }
        return day;
    }
}
