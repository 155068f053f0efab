package cn.pubdata.approval.admission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

record AnnouncementView(
        long id,
        String jurisdiction,
        String title,
        Announcement.Mode authorizationMode,
        String scope,
        String conditions,
        List<String> criteria,
        LocalDate opensOn,
        LocalDate deadline,
        Instant publishedAt,
        List<String> resourceCodes) {

    static AnnouncementView of(Announcement a) {
        return new AnnouncementView(
                a.getId(),
                a.getJurisdiction(),
                a.getTitle(),
                a.getAuthorizationMode(),
                a.getScope(),
                a.getConditions(),
                a.criteria(),
                a.getOpensOn(),
                a.getDeadline(),
                a.getPublishedAt(),
                a.getResources().stream()
                        .map(Announcement.ScopeResource::resourceCode)
                        .sorted()
                        .toList());
    }
}
