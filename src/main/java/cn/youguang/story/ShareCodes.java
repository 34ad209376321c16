package cn.youguang.story;

import cn.youguang.common.Hashes;
import cn.youguang.common.ProblemException;
import cn.youguang.media.MediaFormat;
import cn.youguang.media.ObjectStore;
import cn.youguang.wechat.WeChat;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Mini-program codes (小程序码) that open a story. WeChat draws each code once; it is then kept in the object
 * store, keyed by everything that changes the picture, and served from there.
 */
@ApplicationScoped
public class ShareCodes {

    /** WeChat's limit on the scene parameter. */
    static final int MAX_SCENE = 32;
    private static final int WIDTH = 430;

    private final WeChat weChat;
    private final ObjectStore store;
    private final StoryService stories;
    /** the part of a key that names the picture's settings; they are fixed while the service runs */
    private final String settings;
    /** keys known to be in the bucket: a code, once stored, never changes, so it need not be looked up again */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    public ShareCodes(WeChat weChat, ObjectStore store, StoryService stories) {
        this.weChat = weChat;
        this.store = store;
        this.stories = stories;
        this.settings = Hashes.sha256Hex(weChat.config().storyPage() + "|" + weChat.config().envVersion() + "|" + WIDTH)
                .substring(0, 12);
    }

    /** The object key of the story's share code, drawing and storing it on first use. */
    public String forStory(String slug) {
        if (!stories.isPublished(slug)) {
            throw ProblemException.notFound("Story " + slug);
        }
        if (slug.length() > MAX_SCENE) {
            throw new ProblemException(422, "Unprocessable Content", "A share code can carry at most " + MAX_SCENE
                    + " characters; this story's slug is longer", java.util.List.of());
        }
        String key = ObjectStore.PUBLIC_PREFIX + "wxacode/story-" + slug + "-" + settings + ".png";
        if (stored.contains(key) || store.exists(key)) {
            stored.add(key);
            return key;
        }
        String page = weChat.config().storyPage();
        String env = weChat.config().envVersion();
        byte[] image = weChat.call("getwxacodeunlimit", wx -> wx.getQrcodeService()
                .createWxaCodeUnlimitBytes(slug, page, false, env, WIDTH, false, null, false));
        MediaFormat type = MediaFormat.detect(image == null ? new byte[0] : image)
                .filter(MediaFormat::isWebImage)
                .orElseThrow(() -> ProblemException.badGateway("WeChat did not answer with an image"));
        store.put(key, image, type.mediaType());
        stored.add(key);
        return key;
    }
}
