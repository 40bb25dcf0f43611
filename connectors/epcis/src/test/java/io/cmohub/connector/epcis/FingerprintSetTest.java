package io.cmohub.connector.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    /**
     * Keys crowded onto a few home slots around the end of the table, so that runs wrap around and
     * removals must move entries back across the wrap; checked against a HashSet after every step.
     */
    @Test
    void removingFromRunsThatWrapAroundKeepsEveryOtherKeyFindable() {
        Random random = new Random(42);
        FingerprintSet set = new FingerprintSet(600); // 1,024 slots: up to 768 keys without growing
        int mask = set.capacity() - 1;
        Set<Long> model = new HashSet<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            boolean add = model.size() < 40 || random.nextInt(3) > 0 && model.size() < 700;
            if (add) {
                int home = (mask - 3 + random.nextInt(8)) & mask; // slots 1020..1023 and 0..3
                long key = ((long) random.nextInt() << 32) | (random.nextInt(1 << 12) & ~mask) | home;
                assertThat(set.add(key)).isEqualTo(model.add(key));
                keys.add(key);
            } else {
                long key = random.nextInt(5) == 0 ? random.nextLong() : keys.get(random.nextInt(keys.size()));
                assertThat(set.remove(key)).isEqualTo(model.remove(key));
            }
            assertThat(set.size()).isEqualTo(model.size());
            if (i % 1_000 == 0) {
                for (long key : keys) {
                    assertThat(set.contains(key)).as("key %x", key).isEqualTo(model.contains(key));
                }
            }
        }
        assertThat(set.capacity()).as("the test is about a full table, not growth").isEqualTo(1024);
    }

    @Test
    void zeroIsAFingerprintLikeAnyOther() {
        FingerprintSet set = new FingerprintSet(4);
        assertThat(set.add(0L)).isTrue();
        assertThat(set.contains(0L)).isTrue();
        assertThat(set.remove(0L)).isTrue();
        assertThat(set.contains(0L)).isFalse();
        assertThat(set.remove(0L)).isFalse();
        assertThat(set.size()).isZero();
    }
}
