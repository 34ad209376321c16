package cn.youguang.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The privacy guide in force: its version and the items that need separate consent. */
@Path("/api/privacy")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** What the mini-program shows before it asks for a sensitive item; wording as in docs/privacy.md. */
    public record Guide(String guideVersion, List<Item> items) {
    }

    public record Item(String item, String purpose) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("location", "随手拍上报问题时，获取您选择的位置，用于派遣处置单位到现场；办结一段时间后只保留约百米精度的位置。"),
            new Item("phone", "绑定手机号，用于处置单位或纪检人员就您反映的问题与您联系；手机号加密保存，只显示掩码。"));

    private final Consents consents;

    public ConsentResource(Consents consents) {
        this.consents = consents;
    }

    @GET
    @PermitAll
    @Operation(summary = "The privacy guide version in force and the items that need separate consent")
    public Guide guide() {
        return new Guide(consents.guideVersion(), ITEMS);
    }
}
