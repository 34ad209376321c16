package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;

/** Query parameters shared by the dispatcher's and the inspector's desks. */
final class DeskParams {

    private DeskParams() {
    }

    static ReportWorkflow.Filter filter(String status, String category, String district, String overdue) {
        return new ReportWorkflow.Filter(QueryParams.enumValue("status", status, ReportStatus.class),
                category == null || category.isBlank() ? null : category,
                district == null || district.isBlank() ? null : district, QueryParams.flag("overdue", overdue));
    }

    static int position(String raw) {
        if (raw == null || !raw.matches("\\d{1,2}")) {
            throw ProblemException.badParameter("position", "must be a photo number");
        }
        return Integer.parseInt(raw);
    }
}
