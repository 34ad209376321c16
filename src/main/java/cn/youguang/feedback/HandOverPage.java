package cn.youguang.feedback;

import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The printable hand-over record (移交记录) of a transferred supervision report, as HTML for the receiving body:
 * number, times, category, the report's text, the evidence list and the audit lines about it. Every value is
 * escaped; the page loads nothing from anywhere.
 */
public final class HandOverPage {

    public record Evidence(int position, String stage, String format, Long sizeBytes, Instant takenAt, String path) {
    }

    public record AuditLine(long id, Instant at, long actorId, String action, String detail) {
    }

    public record HandOver(String number, Instant submittedAt, Instant transferredAt, String transferredTo,
                           String categoryCode, String categoryName, String description, boolean anonymous,
                           String contactMasked, List<Evidence> evidence, List<AuditLine> audit) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HandOverPage() {
    }

    public static String render(HandOver h, ZoneId zone) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>移交记录 ")
                .append(e(h.number())).append("</title><style>body{font-family:serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;"
                        + "text-align:left;vertical-align:top}.text{white-space:pre-wrap}</style></head><body>\n")
                .append("<h1>清风城管 监督举报移交记录</h1>\n<table>\n");
        row(html, "报告编号", h.number());
        row(html, "提交时间", time(h.submittedAt(), zone));
        row(html, "移交时间", time(h.transferredAt(), zone));
        row(html, "接收机关", h.transferredTo());
        row(html, "类别", h.categoryName() + "（" + h.categoryCode() + "）");
        row(html, "匿名", h.anonymous() ? "是" : "否");
        row(html, "联系电话", h.contactMasked() == null ? "（未留）" : h.contactMasked() + "（完整号码经接收机关账号查看，并记入审计）");
        html.append("<tr><th>举报内容</th><td class=\"text\">").append(e(h.description())).append("</td></tr>\n</table>\n");
        html.append("<h2>证据清单（共 ").append(h.evidence().size()).append(" 件）</h2>\n<table>\n"
                + "<tr><th>序号</th><th>阶段</th><th>格式</th><th>大小（字节）</th><th>拍摄时间</th><th>调阅地址</th></tr>\n");
        for (Evidence ev : h.evidence()) {
            html.append("<tr><td>").append(ev.position() + 1).append("</td><td>").append(e(ev.stage()))
                    .append("</td><td>").append(e(ev.format())).append("</td><td>")
                    .append(ev.sizeBytes() == null ? "" : ev.sizeBytes()).append("</td><td>")
                    .append(e(time(ev.takenAt(), zone))).append("</td><td>").append(e(ev.path())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>审计记录摘录</h2>\n<table>\n"
                + "<tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>说明</th></tr>\n");
        for (AuditLine line : h.audit()) {
            html.append("<tr><td>").append(line.id()).append("</td><td>").append(e(time(line.at(), zone)))
                    .append("</td><td>").append(line.actorId()).append("</td><td>").append(e(line.action()))
                    .append("</td><td>").append(e(line.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n<p>移交人（签字）：__________　　接收人（签字）：__________　　日期：__________</p>\n"
                + "</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(label).append("</th><td>").append(e(value)).append("</td></tr>\n");
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private static String e(String text) {
        return text == null ? "" : Entities.escape(text);
    }
}
