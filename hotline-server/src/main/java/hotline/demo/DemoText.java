package hotline.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Deterministic demo data: people, addresses and phone numbers in Chinese and English, and the seeded random
 * choices behind everything else (what callers say comes from the {@link CaseBook}), so every demo start (and every
 * benchmark) sees the same. Not thread-safe: one instance per generating thread.
 */
public final class DemoText {

    /** District codes with their names; the code is what tickets and customers store. */
    public static final List<String[]> DISTRICTS = List.of(
            new String[] {"XH", "西湖片区", "Xihu"}, new String[] {"SC", "上城片区", "Shangcheng"},
            new String[] {"GS", "拱墅片区", "Gongshu"}, new String[] {"BJ", "滨江片区", "Binjiang"},
            new String[] {"XS", "萧山片区", "Xiaoshan"}, new String[] {"YH", "余杭片区", "Yuhang"},
            new String[] {"LP", "临平片区", "Linping"}, new String[] {"QT", "钱塘片区", "Qiantang"});

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强"};
    private static final String[] ENGLISH_FIRST = {"James", "Mary", "David", "Linda", "Michael", "Sarah", "Peter",
            "Emma", "Thomas", "Anna"};
    private static final String[] ENGLISH_LAST = {"Smith", "Brown", "Wilson", "Taylor", "Clarke", "Walker", "Hughes",
            "Wright"};
    private static final String[] STREETS = {"人民路", "解放路", "延安路", "文三路", "学院路", "建国路", "凤起路",
            "庆春路", "体育场路", "莫干山路", "江南大道", "滨盛路"};
    private static final String[] ENGLISH_STREETS = {"Riverside Road", "Station Street", "Lake View Avenue",
            "Garden Lane"};

    private final SplittableRandom random;

    public DemoText(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of {@code values}, each as likely as its {@code weight} (at least 1) makes it. */
    public <T> T weighted(List<T> values, ToIntFunction<T> weight) {
        int roll = random.nextInt(values.stream().mapToInt(weight).sum());
        for (T value : values) {
            roll -= weight.applyAsInt(value);
            if (roll < 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("weights must be at least 1");
    }

    public String[] district() {
        return pick(DISTRICTS);
    }

    public String chineseName() {
        return pick(SURNAMES) + pick(GIVEN);
    }

    public String englishName() {
        return pick(ENGLISH_FIRST) + " " + pick(ENGLISH_LAST);
    }

    /** A street address inside {@code district} (its Chinese name), Chinese style or, now and then, English. */
    public String address(String[] district) {
        if (chance(0.1)) {
            return (1 + nextInt(200)) + " " + pick(ENGLISH_STREETS) + ", " + district[2];
        }
        return district[1].replace("片区", "区") + pick(STREETS) + (1 + nextInt(300)) + "号"
                + (1 + nextInt(20)) + "幢" + (1 + nextInt(4)) + "单元" + (101 + nextInt(18) * 100 + nextInt(4)) + "室";
    }

    /** A mainland mobile number, 11 digits. */
    public String mobile() {
        return "1" + pick("3", "5", "7", "8", "9") + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A landline with its area code. */
    public String landline() {
        return "0571" + String.format("%08d", 80_000_000 + random.nextInt(9_999_999));
    }
}
