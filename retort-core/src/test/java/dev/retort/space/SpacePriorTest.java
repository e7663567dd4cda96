package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Iterator;

import static dev.retort.space.SpaceParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code prior: {value, confidence}} beside a distribution: parsing, errors, stored JSON and random draws. */
class SpacePriorTest {
    static final String LR_HIGH = "space:\n  lr: {loguniform: [1.0e-5, 1.0e-1], prior: {value: 1.0e-3, confidence: high}}\n";

    private static void fails(String plan, String... parts) {
        assertThatThrownBy(() -> parse(plan)).isInstanceOf(PlanException.class).hasMessageContainingAll(parts);
    }

    private static double medianDistanceInDecades(Space space, long seed) {
        double[] d = new double[400];
        for (int i = 0; i < d.length; i++) d[i] = Math.abs(Math.log10(space.sample(seed, i).getDouble("lr")) + 3);
        Arrays.sort(d);
        return d[d.length / 2];
    }

    @Test
    void a_high_confidence_prior_concentrates_random_draws_near_its_value() {
        Space prior = parse(LR_HIGH);
        Space flat = parse("space:\n  lr: {loguniform: [1.0e-5, 1.0e-1]}\n");
        double withPrior = medianDistanceInDecades(prior, 7), without = medianDistanceInDecades(flat, 7);
        // flat over 4 decades around 1e-3 at the centre: median distance 1 decade; high = sigma 1 decade * 0.674
        assertThat(without).isBetween(0.85, 1.15);
        assertThat(withPrior).isLessThan(0.75).isLessThan(without * 0.75);
        for (int i = 0; i < 400; i++) assertThat(prior.sample(7, i).getDouble("lr")).isBetween(1e-5, 1e-1);
    }

    @Test
    void lower_confidence_spreads_the_draws_wider() {
        double high = medianDistanceInDecades(parse(LR_HIGH), 3);
        double low = medianDistanceInDecades(parse(LR_HIGH.replace("high", "low")), 3);
        assertThat(high).isLessThan(low);
    }

    @Test
    void a_choice_prior_gives_its_level_the_confidence_mass_and_int_priors_centre_on_their_value() {
        Space s = parse("space:\n  opt: {choice: [adam, sgd, rmsprop], prior: {value: sgd, confidence: high}}\n"
                + "  layers: {prior: {value: 2, confidence: high}, int: [1, 40]}\n");
        int sgd = 0, near = 0;
        for (int i = 0; i < 1000; i++) {
            Config c = s.sample(11, i);
            if (c.getString("opt").equals("sgd")) sgd++;
            if (Math.abs(c.getLong("layers") - 2) <= 10) near++;
            assertThat(c.getLong("layers")).isBetween(1L, 40L);
        }
        assertThat(sgd).isBetween(760, 840); // 0.8 of the mass
        assertThat(near).isGreaterThan(600); // flat: 12 of 40 values, about 300
    }

    @Test
    void draws_with_a_prior_are_the_same_for_a_seed_and_a_space_without_priors_draws_as_before() {
        Space prior = parse(LR_HIGH);
        for (int i = 0; i < 20; i++) assertThat(prior.sample(5, i)).isEqualTo(parse(LR_HIGH).sample(5, i));
        assertThat(prior.sample(5, 0)).isNotEqualTo(prior.sample(6, 0));
        Space flat = parse("space:\n  lr: {loguniform: [1.0e-5, 1.0e-1]}\n");
        Space built = Space.builder().factor("lr", Domain.loguniform(1e-5, 1e-1)).build();
        for (int i = 0; i < 20; i++) assertThat(flat.sample(5, i)).isEqualTo(built.sample(5, i));
    }

    @Test
    void the_stored_json_carries_the_prior_and_reads_back_equal() {
        Space s = parse(LR_HIGH);
        assertThat(s.toJson()).isEqualTo("{\"lr\":{\"loguniform\":[1.0E-5,0.1],\"prior\":{\"value\":0.001,\"confidence\":\"high\"}}}");
        assertThat(Space.fromJson(s.toJson())).isEqualTo(s);
        assertThat(Space.fromJson(s.toJson()).sample(1, 3)).isEqualTo(s.sample(1, 3));
        assertThat(s).isNotEqualTo(parse(LR_HIGH.replace("high", "medium")));
        assertThat(s).isNotEqualTo(parse("space:\n  lr: {loguniform: [1.0e-5, 1.0e-1]}\n"));
        assertThat(parse("space:\n  lr: {loguniform: [1.0e-5, 1.0e-1]}\n").toJson()).isEqualTo("{\"lr\":{\"loguniform\":[1.0E-5,0.1]}}");
    }

    @Test
    void the_java_builder_takes_a_prior_like_the_plan() {
        Space built = Space.builder().factor("lr", Domain.loguniform(1e-5, 1e-1), 1e-3, "high").build();
        assertThat(built).isEqualTo(parse(LR_HIGH));
        assertThatThrownBy(() -> Space.builder().factor("n", Domain.randint(1, 5), 9, "high"))
                .isInstanceOf(PlanException.class).hasMessageContaining("n.prior.value: 9 is not in the domain of int");
    }

    @Test
    void a_grid_ignores_the_prior_of_a_choice() {
        Space s = parse("space:\n  opt: {choice: [adam, sgd], prior: {value: sgd, confidence: high}}\n");
        Iterator<Config> g = s.grid();
        assertThat(g.next().getString("opt")).isEqualTo("adam");
        assertThat(g.next().getString("opt")).isEqualTo("sgd");
        assertThat(g.hasNext()).isFalse();
    }

    @Test
    void a_prior_value_outside_the_domain_is_refused_naming_place_key_value_and_range() {
        fails("space:\n  lr: {loguniform: [1.0e-5, 1.0e-1], prior: {value: 0.5, confidence: high}}\n",
                "plan.yaml:2: space.lr.prior.value: 0.5 is not in the domain of loguniform; allowed: a number in [1.0E-5, 0.1]");
        fails("space:\n  n: {int: [1, 8], prior: {value: 2.5, confidence: low}}\n",
                "plan.yaml:2: space.n.prior.value: 2.5 is not in the domain of int; allowed: an integer in [1, 8]");
        fails("space:\n  opt: {choice: [adam, sgd], prior: {value: adagrad, confidence: low}}\n",
                "plan.yaml:2: space.opt.prior.value: 'adagrad' is not a level of choice; allowed: one of [adam, sgd]");
    }

    @Test
    void an_unknown_confidence_is_refused_with_the_three_allowed() {
        fails("space:\n  x: {uniform: [0, 1], prior: {value: 0.5, confidence: sure}}\n",
                "plan.yaml:2: space.x.prior.confidence: 'sure' is not a confidence; allowed: low, medium, high");
        fails("space:\n  x: {uniform: [0, 1], prior: {value: 0.5}}\n", "plan.yaml:2: space.x.prior", "has no confidence");
        fails("space:\n  x: {uniform: [0, 1], prior: {value: 0.5, confidence: high, weight: 2}}\n",
                "plan.yaml:2: space.x.prior.weight: is not a prior key");
    }

    @Test
    void a_prior_on_a_range_or_without_a_distribution_is_refused() {
        fails("space:\n  x: {geom: [1, 100, 5], prior: {value: 10.0, confidence: high}}\n",
                "plan.yaml:2: space.x.prior: is beside {geom: ...}, which is not a distribution; allowed: a prior only on uniform, loguniform, int or choice");
        fails("space:\n  x:\n    prior: {value: 3, confidence: high}\n",
                "plan.yaml:3: space.x.prior: is not beside a distribution", "allowed: a prior only on uniform, loguniform, int or choice");
    }
}
