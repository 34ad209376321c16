package cn.youguang.console;

import cn.youguang.common.Role;

import java.util.Map;

/** The interface's Chinese words for the service's values (roles, stages, actions). */
final class Labels {

    private static final Map<String, String> ROLES = Map.of(Role.EDITOR, "编辑", Role.REVIEWER, "审核员",
            Role.MODERATOR, "读书社管理员", Role.DISPATCHER, "派遣员", Role.INSPECTOR, "纪检", Role.ADMIN, "管理员",
            Role.CITIZEN, "市民", Role.CADRE, "干部", Role.HANDLER, "承办单位",
            Role.SUPERIOR, "上级受理机关");

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

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("holidays", "法定节假日"), Map.entry("workdays", "调休上班日"), Map.entry("year", "年份"),
            Map.entry("note", "说明"), Map.entry("afterPhotos", "处置后照片"), Map.entry("to", "办理操作"),
            Map.entry("unitId", "承办单位"), Map.entry("unit", "承办单位"), Map.entry("transferredTo", "转办至"),
            Map.entry("bodyId", "受理机关"), Map.entry("duplicateOf", "原报告编号"), Map.entry("reason", "理由"),
            Map.entry("publicNote", "谁能看到"), Map.entry("frontMatter", "基本信息"), Map.entry("body", "正文"),
            Map.entry("version", "版本"), Map.entry("comment", "退回理由"), Map.entry("at", "时间"),
            Map.entry("stories", "篇目"), Map.entry("images", "图片"), Map.entry("cover", "封面"),
            Map.entry("title", "标题"), Map.entry("slug", "别名"), Map.entry("summary", "摘要"),
            Map.entry("person", "人物"), Map.entry("tags", "标签"), Map.entry("username", "账号"),
            Map.entry("password", "密码"), Map.entry("displayName", "姓名"), Map.entry("roles", "角色"),
            Map.entry("kind", "类型"), Map.entry("filename", "文件名"), Map.entry("size", "文件大小"),
            Map.entry("contentType", "文件类型"), Map.entry("books", "书目"), Map.entry("author", "作者"),
            Map.entry("isbn", "ISBN"), Map.entry("description", "说明"), Map.entry("upload", "媒体文件"),
            Map.entry("status", "状态"), Map.entry("category", "类别"), Map.entry("district", "区域"),
            Map.entry("userId", "账号"), Map.entry("name", "名称"), Map.entry("active", "启用状态"));

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(.+)\\[(\\d+)]");

    /**
     * A field of a problem in the interface's words: the service names fields as the API's JSON does
     * ({@code holidays[2]}, {@code frontMatter.title}); the form shows 法定节假日第 3 条, 基本信息·标题. The
     * English name stays beside an unknown field so the message still says where.
     */
    static String field(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        int dot = field.lastIndexOf('.');
        if (dot > 0) {
            return field(field.substring(0, dot)) + "·" + field(field.substring(dot + 1));
        }
        java.util.regex.Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            return field(m.group(1)) + "第 " + (Integer.parseInt(m.group(2)) + 1) + " 条";
        }
        return FIELDS.getOrDefault(field, field);
    }

    /** The common constraint messages in Chinese; the services' own sentences are passed on as they are. */
    static String message(String message) {
        if (message == null) {
            return "";
        }
        if (message.equals("must not be blank") || message.equals("must not be null") || message.equals("must not be empty")) {
            return "必须填写";
        }
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("size must be between (\\d+) and (\\d+)").matcher(message);
        if (size.matches()) {
            return "长度或条数须在 " + size.group(1) + " 到 " + size.group(2) + " 之间";
        }
        return message;
    }

    /** What a form says above its field list: the kind of problem, and the detail only when no field names it. */
    static String problem(cn.youguang.common.ProblemException e) {
        return e.errors().isEmpty() ? status(e.status()) + "：" + e.getMessage() : status(e.status());
    }
}
