package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.coordination.scorecard.AlertPattern;
import io.cmohub.coordination.scorecard.Scorecard;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The CMO scorecard: per CMO cases, evidence turnaround and on-time rate, closure time; alerts per CMO, site, line, code and month. */
@Controller
@ConsolePage
public class ScorecardPage {
    /** Alerts of one code on one CMO line within the window that make it a repeat (the governance issue will make it configurable). */
    static final int REPEAT_THRESHOLD = 2;

    private final ConsolePerson people;
    private final Scorecard scorecard;
    private final Clock clock;

    public ScorecardPage(ConsolePerson people, Scorecard scorecard, Clock clock) {
        this.people = people;
        this.scorecard = scorecard;
        this.clock = clock;
    }

    @GetMapping("/console/scorecard")
    public String scorecard(@RequestParam(defaultValue = "12") int months, HttpServletRequest request, Model model) {
        people.require(request, Capability.SPONSOR_READ);
        int span = Math.max(1, Math.min(months, 36));
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(31L * span));
        List<AlertPattern> patterns = scorecard.alertPatterns(from, to);
        Map<String, Long> alertsPerCmo = new TreeMap<>();
        patterns.forEach(p -> alertsPerCmo.merge(p.partner() == null ? "unattributed" : p.partner(), p.alerts(), Long::sum));
        model.addAttribute("months", span);
        model.addAttribute("scores", scorecard.scores(from, to));
        model.addAttribute("patterns", patterns);
        model.addAttribute("repeats", RepeatPattern.of(patterns, REPEAT_THRESHOLD));
        model.addAttribute("repeatThreshold", REPEAT_THRESHOLD);
        model.addAttribute("chartLabels", String.join("|", alertsPerCmo.keySet()));
        model.addAttribute("chartValues", alertsPerCmo.values().stream().map(String::valueOf).reduce((a, b) -> a + "|" + b).orElse(""));
        return "console/scorecard";
    }

    /** A duration in hours for the table, e.g. "5.5 h"; blank when there is none. */
    public static String hours(Duration duration) {
        return duration == null ? "" : String.format(java.util.Locale.ROOT, "%.1f h", duration.toMinutes() / 60.0);
    }
}
