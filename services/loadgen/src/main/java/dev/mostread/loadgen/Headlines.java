package dev.mostread.loadgen;

/** Plausible headlines, the same for the same article number. */
public final class Headlines {

    private static final String[] SUBJECTS = {
        "The city council",
        "A new study",
        "The central bank",
        "A local farmer",
        "The national team",
        "A scientist",
        "The museum",
        "A commuter group",
        "The prime minister",
        "A start-up",
        "The teachers' union",
        "The orchestra",
        "Firefighters",
        "The coach",
        "A research team",
        "The electorate"
    };
    private static final String[] PREDICATES = {
        "backs plan for new tram line",
        "warns of a cold winter",
        "holds rates for a third month",
        "wins in extra time",
        "unveils a lost painting",
        "reports record harvest",
        "strikes over pay",
        "finds water on distant moon",
        "cuts ribbon on new bridge",
        "raises millions for clean energy",
        "debates the four-day week",
        "returns after long injury",
        "opens its doors at night",
        "braces for the storm",
        "calls snap election",
        "rethinks the school day"
    };
    static final String[] SECTIONS = {
        "politics",
        "world",
        "business",
        "sport",
        "culture",
        "science",
        "travel",
        "opinion",
        "health",
        "tech",
        "climate",
        "food"
    };

    private Headlines() {}

    public static String of(int article) {
        return SUBJECTS[article % SUBJECTS.length] + " "
                + PREDICATES[(article / SUBJECTS.length + article) % PREDICATES.length];
    }

    public static String section(int section) {
        return section < SECTIONS.length ? SECTIONS[section] : "section-" + section;
    }
}
