package io.cmohub.coordination.alert.eams;

import java.util.List;

/**
 * One page of the EAMS alert list: each alert as its own JSON text (so a broken one can be
 * quarantined alone) and the token of the next page, null on the last page of the window.
 */
public record EamsPage(List<String> alerts, String nextPageToken) {
    public EamsPage {
        alerts = List.copyOf(alerts);
    }
}
