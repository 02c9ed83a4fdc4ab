package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.DomainProblem;

class ConnectionsTest {
    private static final List<Integer> SEVENTEEN = IntStream.range(0, 17).boxed().toList();

    private static List<Integer> walk(java.util.function.BiFunction<Connections.Window, String, Connections.Connection<Integer>> read, int first) {
        List<Integer> seen = new ArrayList<>();
        String after = null;
        while (true) {
            Connections.Connection<Integer> c = read.apply(new Connections.Window(after == null ? 0 : Connections.decode(after) + 1, first), after);
            seen.addAll(c.nodes());
            if (!c.pageInfo().hasNextPage()) {
                return seen;
            }
            after = c.pageInfo().endCursor();
        }
    }

    @Test
    void walkingAWholeListByEndCursorReachesEveryItemOnceInOrder() {
        assertThat(walk((w, a) -> Connections.of(SEVENTEEN, w), 5)).isEqualTo(SEVENTEEN);
    }

    @Test
    void walkingAPagedServiceThatCountsReachesEveryItemOnceAndKnowsTheTotal() {
        var c = Connections.<Integer>paged(new Connections.Window(0, 5), (page, size) -> Page.slice(SEVENTEEN, new PageRequest(page, size)));
        assertThat(c.totalCount()).isEqualTo(17);
        assertThat(walk((w, a) -> Connections.paged(w, (page, size) -> Page.slice(SEVENTEEN, new PageRequest(page, size))), 5)).isEqualTo(SEVENTEEN);
    }

    @Test
    void aWindowThatStartsInsideAPageIsCutFromTheTwoPagesThatHoldIt() {
        var c = Connections.<Integer>counted(new Connections.Window(7, 5), 17, (page, size) -> Page.slice(SEVENTEEN, new PageRequest(page, size)).items());
        assertThat(c.nodes()).containsExactly(7, 8, 9, 10, 11);
        assertThat(c.pageInfo().hasNextPage()).isTrue();
        assertThat(c.pageInfo().hasPreviousPage()).isTrue();
        assertThat(c.totalCount()).as("a service paging a bare list is counted by its own count method").isEqualTo(17);
        assertThat(walk((w, a) -> Connections.counted(w, 17, (page, size) -> Page.slice(SEVENTEEN, new PageRequest(page, size)).items()), 3))
                .isEqualTo(SEVENTEEN);
    }

    @Test
    void anEmptyListHasNoCursorsAndNoNextPage() {
        var c = Connections.of(List.of(), new Connections.Window(0, 50));
        assertThat(c.edges()).isEmpty();
        assertThat(c.pageInfo().startCursor()).isNull();
        assertThat(c.pageInfo().hasNextPage()).isFalse();
        assertThat(c.totalCount()).isZero();
    }

    @Test
    void aCursorThatThisServiceDidNotMakeIsRefusedNamingAfter() {
        for (String bad : List.of("not base64!", "", "Y3Vyc29yOi0x", "Y3Vyc29yOng", "UHVwaWw6Mw")) {
            assertThatThrownBy(() -> Connections.decode(bad)).as(bad).isInstanceOfSatisfying(DomainProblem.class,
                    p -> assertThat(p.errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("after")));
        }
    }

    @Test
    void firstIsOneTo500() {
        for (int bad : new int[] {0, -1, 501}) {
            assertThatThrownBy(() -> new Connections.Window(0, bad)).isInstanceOfSatisfying(DomainProblem.class,
                    p -> assertThat(p.errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("first")));
        }
        assertThat(new Connections.Window(0, 500).first()).isEqualTo(500);
    }
}
