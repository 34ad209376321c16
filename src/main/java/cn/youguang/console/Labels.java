package cn.youguang.console;

import cn.youguang.common.Role;

import java.util.Map;

/** The interface's Chinese words for the service's values (roles, stages, actions). */
final class Labels {

    private static final Map<String, String> ROLES = Map.of(Role.EDITOR, "编辑", Role.REVIEWER, "审核员",
            Role.MODERATOR, "读书社管理员", Role.DISPATCHER, "派遣员", Role.INSPECTOR, "纪检", Role.ADMIN, "管理员",
            Role.CITIZEN, "市民", Role.CADRE, "干部");

    private static final Map<String, String> STAGES = Map.of("draft", "草稿", "in_review", "审核中", "approved", "已通过",
            "scheduled", "已定时", "published", "已发布", "unpublished", "已撤下", "archived", "已归档");

    private static final Map<String, String> POST_STATES = Map.of("published", "已公开", "pending", "待审核",
            "rejected", "已驳回", "hidden", "已隐藏", "deleted", "作者已删除");

    private static final Map<String, String> KINDS = Map.of("stories", "先进典型", "articles", "文章", "collections", "选编");

    private Labels() {
    }

    static String role(String role) {
        return ROLES.getOrDefault(role, role);
    }

    static String stage(String stage) {
        return STAGES.getOrDefault(stage, stage);
    }

    static String postState(String state) {
        return state == null ? "" : POST_STATES.getOrDefault(state, state);
    }

    static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** Times as the bureau reads them: Beijing time, to the minute. */
    static String time(java.time.Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String status(int status) {
        return switch (status) {
            case 400, 422 -> "提交的内容有误";
            case 403 -> "无权访问";
            case 404 -> "页面或条目不存在";
            case 409 -> "操作与当前状态冲突";
            case 413 -> "内容过长";
            case 429 -> "操作过于频繁";
            case 503 -> "服务暂时不可用";
            default -> status >= 500 ? "服务出错" : "请求未被接受";
        };
    }

    static Map<String, String> stages() {
        return STAGES;
    }
}
