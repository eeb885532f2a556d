package dev.mostread.ranker.ranking;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.mostread.shared.ranking.Period;

/** Local midnight per site, in each site's time zone (UTC unless configured), remembered until the day ends. */
public final class SiteDays {

    private record Day(long start, long end) {
    }

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
        Day day = days.get(site);
        if (day == null || now < day.start() || now >= day.end()) {
            ZoneId zone = zone(site);
            long start = Period.startOfDay(now, zone);
            long end = java.time.Instant.ofEpochMilli(start).atZone(zone).toLocalDate().plusDays(1)
                    .atStartOfDay(zone).toInstant().toEpochMilli();
            day = new Day(start, end);
            days.put(site, day);
        }
        return day.start();
    }
}
