package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The layers of one invocation, highest first, and the one rule that resolves a key over any
 * subset of them: the highest layer that holds the key decides, and an empty value there is no
 * value (SmallRye Config's meaning, so its typed view agrees). Every layer asked about is read,
 * so a file that does not parse is reported whichever layer holds the key.
 */
final class Precedence {

    private final List<LayerSource> highestFirst;

    Precedence(List<LayerSource> sources) {
        highestFirst = sources.stream().sorted(Comparator.comparingInt(LayerSource::getOrdinal).reversed()).toList();
    }

    /**
     * The MicroProfile ordinal of each layer, in {@link Layer} order. The environment and system
     * properties keep MicroProfile's own defaults (300, 400); the files sit where its
     * {@code microprofile-config.properties} would (100), one step apart.
     */
    static int ordinal(Layer layer) {
        return switch (layer) {
            case DEFAULTS -> 100;
            case SYSTEM -> 110;
            case GLOBAL -> 120;
            case LOCAL -> 130;
            case ENVIRONMENT -> 300;
            case SYSTEM_PROPERTIES -> 400;
        };
    }

    /** Every source, highest first, for building SmallRye Config over the same layers. */
    List<LayerSource> sources() {
        return highestFirst;
    }

    Optional<SettingValue> value(String key, Set<Layer> layers) {
        boolean found = false;
        SettingValue decided = null;
        for (LayerSource source : highestFirst) {
            if (!layers.contains(source.layer())) {
                continue;
            }
            String value = source.getValue(key);
            if (!found && value != null) {
                found = true;
                decided = value.isEmpty() ? null : new SettingValue(key, value, source.layer(), source.location(key));
            }
        }
        return Optional.ofNullable(decided);
    }
}
