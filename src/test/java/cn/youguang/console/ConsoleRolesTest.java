package cn.youguang.console;

import cn.youguang.auth.InvitationResource;
import cn.youguang.auth.UserAdminResource;
import cn.youguang.club.ModerationResource;
import cn.youguang.editorial.EditorialResource;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each console page admits exactly the roles of the API it is a page for, and the menu follows the pages. */
class ConsoleRolesTest {

    private static final Map<Class<?>, Class<?>> PAGE_FOR_API = Map.ofEntries(
            Map.entry(HandlingPages.class, cn.youguang.feedback.HandlingResource.class),
            Map.entry(HandlingUnitPages.class, cn.youguang.feedback.HandlingUnitAdminResource.class),
            Map.entry(CalendarPages.class, cn.youguang.feedback.CalendarAdminResource.class),
            Map.entry(ContentPages.class, EditorialResource.class),
            Map.entry(ClubPages.class, ModerationResource.class),
            Map.entry(InvitationPages.class, InvitationResource.class),
            Map.entry(AccountPages.class, UserAdminResource.class),
            Map.entry(RoleGrantPages.class, cn.youguang.auth.RoleGrantResource.class),
            Map.entry(MediaPages.class, cn.youguang.media.UploadResource.class),
            Map.entry(VideoPages.class, cn.youguang.video.VideoAdminResource.class),
            Map.entry(StreetReportPages.class, cn.youguang.feedback.DispatchResource.class),
            Map.entry(SupervisionPages.class, cn.youguang.feedback.InspectionResource.class));

    @Test
    void everyPageAdmitsTheRolesOfItsApi() {
        PAGE_FOR_API.forEach((page, api) -> assertThat(roles(page)).as(page.getSimpleName()).isEqualTo(roles(api)));
    }

    @Test
    void theMenuOffersAPageOnlyToTheRolesThatMayOpenIt() {
        assertThat(Menu.ITEMS).allSatisfy(item -> assertThat(item.roles()).isNotEmpty());
        assertThat(Menu.ITEMS.stream().filter(i -> i.path().startsWith("/admin/accounts")).findFirst().orElseThrow().roles())
                .containsExactly("admin");
        assertThat(Menu.ITEMS.stream().filter(i -> i.path().startsWith("/admin/club/queue")).findFirst().orElseThrow().roles())
                .containsExactly("moderator");
        assertThat(Menu.ITEMS.stream().filter(i -> i.path().startsWith("/admin/supervision")).toList())
                .hasSize(2).allSatisfy(item -> assertThat(item.roles()).containsExactly("inspector"));
    }

    private static Set<String> roles(Class<?> type) {
        return Set.of(type.getAnnotation(RolesAllowed.class).value());
    }
}
