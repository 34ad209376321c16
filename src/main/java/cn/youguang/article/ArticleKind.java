package cn.youguang.article;

/** NEWS: dated news items; BRAND: standing pages of the party-building brand (城市好管家, 书记项目…). */
public enum ArticleKind {
    NEWS, BRAND
}
