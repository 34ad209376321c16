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

    public String time(java.time.Instant at) {
        return at == null ? "" : Labels.time(at);
    }
}
