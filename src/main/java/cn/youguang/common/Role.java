package cn.youguang.common;

import java.util.Set;

/** The roles of the brief; each endpoint names the ones it admits. Values are what the JWT groups claim carries. */
public final class Role {

    /** any WeChat user of the mini-program */
    public static final String CITIZEN = "citizen";
    /** a verified young cadre of the reading club */
    public static final String CADRE = "cadre";
    public static final String EDITOR = "editor";
    public static final String REVIEWER = "reviewer";
    public static final String MODERATOR = "moderator";
    public static final String DISPATCHER = "dispatcher";
    /** 纪检: alone handles supervision reports */
    public static final String INSPECTOR = "inspector";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(CITIZEN, CADRE, EDITOR, REVIEWER, MODERATOR, DISPATCHER, INSPECTOR, ADMIN);
    /** roles a console (staff) account may hold */
    public static final Set<String> STAFF = Set.of(EDITOR, REVIEWER, MODERATOR, DISPATCHER, INSPECTOR, ADMIN);
    /** roles a WeChat account may hold */
    public static final Set<String> WECHAT = Set.of(CITIZEN, CADRE);

    private Role() {
    }
}
