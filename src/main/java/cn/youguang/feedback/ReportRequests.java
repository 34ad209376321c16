package cn.youguang.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Bodies of the report endpoints; each constraint names its field in a 400 problem. */
public final class ReportRequests {

    private ReportRequests() {
    }

    /** Where the citizen stood, as wx.getLocation({type: 'gcj02'}) gives it. */
    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** consentVersion: the privacy-guide version the citizen agreed to; required with a location. */
    public record Submission(
            @NotBlank @Pattern(regexp = "(?i)street|supervision", message = "must be street or supervision") String channel,
            @NotBlank @Size(max = 32) String category,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 9) List<@Pattern(regexp = "[0-9a-f-]{36}", message = "is not an upload id") String> photos,
            @Pattern(regexp = "\\+?[0-9](?:[ -]?[0-9]){4,19}", message = "is not a phone number") String contactPhone,
            @Valid Location location,
            @Size(max = 200) String address,
            @Size(max = 32) String district,
            Boolean anonymous,
            Boolean subscribe,
            @Size(max = 5) List<@NotNull Long> namedStaff,
            @Size(max = 32) String consentVersion) {
    }

    /** A report number with its query code (and, to dispute the result, a reason). */
    public record Lookup(@NotBlank @Size(max = 20) String number,
                           @NotBlank @Size(max = 40) String code,
                           @Size(max = 500) String reason) {
    }

    /** A note on a report's timeline without a move; public unless {@code publicNote} is false. */
    public record Note(@NotBlank @Size(max = 1000) String note, Boolean publicNote) {
    }

    /** 退回: a handling unit gives a report back to the dispatcher. */
    public record Return(@NotBlank @Size(max = 500) String reason) {
    }

    /** 满意度评价 by number and query code; a dispute (with its reason) goes only with a score of 1 or 2. */
    public record RatingByCode(@NotBlank @Size(max = 20) String number,
                               @NotBlank @Size(max = 40) String code,
                               @NotNull @Min(1) @Max(5) Integer score,
                               @Size(max = 300) String comment,
                               Boolean dispute,
                               @Size(max = 500) String reason) {
    }

    /** 满意度评价 by the signed-in reporter. */
    public record Rating(@NotNull @Min(1) @Max(5) Integer score,
                         @Size(max = 300) String comment,
                         Boolean dispute,
                         @Size(max = 500) String reason) {
    }

    public record Transition(
            @NotBlank @Pattern(regexp = "(?i)accepted|dispatched|in_progress|closed|rejected|transferred|duplicate",
                    message = "is not a status a report can be moved to") String to,
            @Size(max = 1000) String note,
            Boolean publicNote,
            @Size(max = 64) String unit,
            Long unitId,
            @Size(max = 200) String transferredTo,
            Long bodyId,
            @Size(max = 20) String duplicateOf,
            @Size(max = 9) List<@Pattern(regexp = "[0-9a-f-]{36}", message = "is not an upload id") String> afterPhotos) {
    }
}
