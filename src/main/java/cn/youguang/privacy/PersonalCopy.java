package cn.youguang.privacy;

import cn.youguang.common.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A person's copy of everything held about them (PIPL Art. 45), one section per feature. */
@ApplicationScoped
public class PersonalCopy {

    /** The copy: when it was made, what it leaves out and why, and the sections. */
    public record Copy(long userId, Instant generatedAt, String notice, Map<String, Object> sections) {
    }

    static final String NOTICE = "匿名提交的反映不与任何账号关联，因此不在此副本中；凭编号和查询码可以查询它们。"
            + "副本中的照片链接在生成后一小时内有效。";

    private final Instance<PersonalData> holders;
    private final Clock clock;

    public PersonalCopy(Instance<PersonalData> holders, Clock clock) {
        this.holders = holders;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Copy of(long userId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        holders.stream().sorted(Comparator.comparing(PersonalData::section))
                .forEach(holder -> sections.put(holder.section(), holder.copyOf(userId)));
        return new Copy(userId, clock.instant(), NOTICE, sections);
    }
}
