package cn.youguang.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client declares before uploading; the service checks the object against it afterwards. */
public record UploadRequest(@NotBlank String kind,
                            @NotBlank @Size(max = 200) String filename,
                            @NotNull @Positive Long size,
                            @NotBlank @Size(max = 100) String contentType) {
}
