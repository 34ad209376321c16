package cn.youguang.feedback;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reports' timelines. */
@ApplicationScoped
public class ReportEventRepository implements PanacheRepository<ReportEvent> {

    public List<ReportEvent> timeline(long reportId) {
        return list("reportId = ?1 order by id", reportId);
    }

    /**
     * The latest public staff note of each report. Staff notes only (actor set): a citizen's dispute text is
     * theirs, not for publication.
     */
    public Map<Long, String> latestPublicStaffNotes(Collection<Long> reportIds) {
        Map<Long, String> notes = new HashMap<>();
        getEntityManager().createQuery("select e.reportId, e.note from ReportEvent e where e.reportId in :ids"
                        + " and e.publicNote = true and e.note is not null and e.actorId is not null order by e.id",
                        Object[].class)
                .setParameter("ids", reportIds).getResultList()
                .forEach(row -> notes.put((Long) row[0], (String) row[1]));
        return notes;
    }
}
