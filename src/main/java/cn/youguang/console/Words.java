package cn.youguang.console;

import cn.youguang.content.Stage;

/** Chinese words for the values templates show (stages, kinds, post states, times). */
public class Words {
    public String stage(Object stage) {
        String v = stage instanceof Stage s ? s.value() : String.valueOf(stage);
        return Labels.stage(v);
    }

    public String kind(String kind) {
        return Labels.kind(kind);
    }

    public String postState(String state) {
        return Labels.postState(state);
    }

    public String roles(java.util.List<String> roles) {
        return String.join("、", roles.stream().map(Labels::role).toList());
    }

    public String videoStatus(Object status) {
        return switch (String.valueOf(status)) {
            case "UPLOADED" -> "已上传，等待处理";
            case "PROCESSING" -> "处理中";
            case "READY" -> "就绪";
            case "FAILED" -> "处理失败";
            default -> String.valueOf(status);
        };
    }

    /** A report's status in Chinese (the service's own label). */
    public String reportStatus(Object status) {
        return status instanceof cn.youguang.feedback.ReportStatus s ? s.label()
                : status == null ? "" : cn.youguang.feedback.ReportStatus.of(String.valueOf(status)).label();
    }

    public String eventKind(String kind) {
        return switch (String.valueOf(kind)) {
            case "submitted" -> "市民提交";
            case "transition" -> "流转";
            case "note" -> "备注";
            case "confirmed" -> "市民确认";
            case "disputed" -> "市民异议";
            case "escalated" -> "超期提醒";
            case "returned" -> "承办单位退回";
            case "rated" -> "满意度评价";
            default -> String.valueOf(kind);
        };
    }

    public String auditAction(String action) {
        return switch (String.valueOf(action)) {
            case "LIST" -> "查看列表";
            case "READ" -> "查看案件";
            case "EVIDENCE" -> "查看证据";
            case "TRANSITION" -> "办理";
            case "ROLE_GRANT" -> "授予纪检角色";
            case "ROLE_REMOVAL" -> "撤销纪检角色";
            case "BODY_BINDING" -> "绑定受理机关";
            default -> String.valueOf(action);
        };
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : Labels.time(at);
    }

    public String uploadKind(Object kind) {
        return switch (String.valueOf(kind)) {
            case "IMAGE" -> "图片";
            case "VIDEO" -> "视频";
            case "EVIDENCE" -> "现场照片";
            default -> String.valueOf(kind);
        };
    }

    public String uploadStatus(Object status) {
        return switch (String.valueOf(status)) {
            case "PENDING" -> "等待上传完成";
            case "VERIFIED" -> "已校验";
            case "REJECTED" -> "未通过校验";
            case "EXPIRED" -> "上传超时";
            case "DELETED" -> "已删除";
            default -> String.valueOf(status);
        };
    }

    public String renditionStatus(Object status) {
        return switch (String.valueOf(status)) {
            case "NONE" -> "无需生成";
            case "PENDING" -> "等待生成";
            case "PROCESSING" -> "生成中";
            case "READY" -> "已生成";
            case "FAILED" -> "生成失败";
            default -> "";
        };
    }

    /** A file size as people read it: KB below a megabyte, MB with one decimal above. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /** Whether a service value (an enum) is this one, for templates that branch on it. */
    public boolean is(Object value, String name) {
        return value != null && String.valueOf(value).equals(name);
    }
}
