package cn.youguang.console;

import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Set;

/**
 * The console's menu. Each item's roles are read from the @RolesAllowed of the page class it leads to, so the menu
 * shows exactly the pages a role may open: one declaration decides both.
 */
final class Menu {

    public record Item(String label, String path, Set<String> roles) {
    }

    static final List<Item> ITEMS = List.of(
            item("概览", "/admin/dashboard", DashboardPage.class),
            item("内容", "/admin/content", ContentPages.class),
            item("视频", "/admin/videos", VideoPages.class),
            // before 媒体上传: a handler's first page (where signing in leads) is the desk
            item("承办单位", "/admin/handling", HandlingPages.class),
            item("媒体上传", "/admin/media", MediaPages.class),
            item("读书社审核", "/admin/club/queue", ClubPages.class),
            item("书单", "/admin/club/lists", ClubPages.class),
            item("随手拍", "/admin/street-reports", StreetReportPages.class),
            item("清风城管", "/admin/supervision", SupervisionPages.class),
            item("纪检审计日志", "/admin/supervision/audit", SupervisionPages.class),
            item("邀请码", "/admin/invitations", InvitationPages.class),
            item("账号", "/admin/accounts", AccountPages.class),
            item("承办单位管理", "/admin/handling-units", HandlingUnitPages.class),
            item("工作日历", "/admin/calendar", CalendarPages.class),
            item("纪检授权确认", "/admin/role-grants", RoleGrantPages.class));

    private Menu() {
    }

    static Item item(String label, String path, Class<?> page) {
        RolesAllowed roles = page.getAnnotation(RolesAllowed.class);
        return new Item(label, path, roles == null ? Set.of() : Set.of(roles.value()));
    }
}
