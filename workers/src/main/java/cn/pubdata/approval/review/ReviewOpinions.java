package cn.pubdata.approval.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every reviewer's opinion on a subject, one per completed task, with the criteria it judged one by one (ADM-07).
 * Recording the same task twice changes nothing.
 */
@Service
public class ReviewOpinions {

    /** A criterion of the announcement as one reviewer judged it. */
    public record CriterionJudgement(int criterionNo, String criterion, boolean met, String note) {}

    public record Opinion(
            String subject,
            String taskId,
            String step,
            String groupId,
            String reviewer,
            String decision,
            String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReviewOpinions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(Opinion opinion, List<CriterionJudgement> criteria) {
        int inserted = jdbc.sql("""
                insert into approval.review_opinion (subject, task_id, step, group_id, reviewer, decision, reason, decided_at)
                values (:subject, :task, :step, :group, :who, :decision, :reason, :at) on conflict (task_id) do nothing""")
                .param("subject", opinion.subject())
                .param("task", opinion.taskId())
                .param("step", opinion.step())
                .param("group", opinion.groupId())
                .param("who", opinion.reviewer())
                .param("decision", opinion.decision())
                .param("reason", opinion.reason())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return;
        }
        for (CriterionJudgement c : criteria) {
            jdbc.sql("""
                    insert into approval.review_criterion (task_id, criterion_no, criterion, met, note)
                    values (:task, :no, :criterion, :met, :note)""")
                    .param("task", opinion.taskId())
                    .param("no", c.criterionNo())
                    .param("criterion", c.criterion())
                    .param("met", c.met())
                    .param("note", c.note())
                    .update();
        }
    }

    public List<Opinion> of(String subject) {
        return jdbc.sql("""
                select subject, task_id, step, group_id, reviewer, decision, reason
                from approval.review_opinion where subject = :subject order by decided_at, id""")
                .param("subject", subject)
                .query((rs, n) -> new Opinion(
                        rs.getString("subject"),
                        rs.getString("task_id"),
                        rs.getString("step"),
                        rs.getString("group_id"),
                        rs.getString("reviewer"),
                        rs.getString("decision"),
                        rs.getString("reason")))
                .list();
    }

    public List<CriterionJudgement> criteriaOf(String taskId) {
        return jdbc.sql(
                        "select criterion_no, criterion, met, note from approval.review_criterion where task_id = :task order by criterion_no")
                .param("task", taskId)
                .query((rs, n) -> new CriterionJudgement(
                        rs.getInt("criterion_no"),
                        rs.getString("criterion"),
                        rs.getBoolean("met"),
                        rs.getString("note")))
                .list();
    }
}
