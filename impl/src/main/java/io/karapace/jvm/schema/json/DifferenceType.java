package io.karapace.jvm.schema.json;

import static io.karapace.jvm.schema.json.DifferenceType.Wording.ADDED_NOT_COVERED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.ADDED_TO_OPEN;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.DECREASED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.EXTENDED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.INCREASED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.KEYWORD;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.NARROWED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.NONE;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.REMOVED_FROM_CLOSED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.REMOVED_NOT_COVERED;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.REQUIRED_ADDED_TO_UNOPEN;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.TYPE;
import static io.karapace.jvm.schema.json.DifferenceType.Wording.VALUE_CHANGED;

/**
 * The kinds of change between two JSON Schemas, named as Confluent's registry names them in its
 * messages. Each says whether a reader with the updated schema still reads what the original allowed.
 */
enum DifferenceType {
    ID_CHANGED(true, NONE), DESCRIPTION_CHANGED(true, NONE), TITLE_CHANGED(true, NONE), DEFAULT_CHANGED(true, NONE),
    SCHEMA_ADDED(false, NONE), SCHEMA_REMOVED(true, NONE),
    TYPE_EXTENDED(true, NONE), TYPE_NARROWED(false, TYPE), TYPE_CHANGED(false, TYPE),

    MAX_LENGTH_ADDED(false, KEYWORD), MAX_LENGTH_REMOVED(true, NONE),
    MAX_LENGTH_INCREASED(true, NONE), MAX_LENGTH_DECREASED(false, DECREASED),
    MIN_LENGTH_ADDED(false, KEYWORD), MIN_LENGTH_REMOVED(true, NONE),
    MIN_LENGTH_INCREASED(false, INCREASED), MIN_LENGTH_DECREASED(true, NONE),
    PATTERN_ADDED(false, KEYWORD), PATTERN_REMOVED(true, NONE), PATTERN_CHANGED(false, VALUE_CHANGED),

    MAXIMUM_ADDED(false, KEYWORD), MAXIMUM_REMOVED(true, NONE),
    MAXIMUM_INCREASED(true, NONE), MAXIMUM_DECREASED(false, DECREASED),
    MINIMUM_ADDED(false, KEYWORD), MINIMUM_REMOVED(true, NONE),
    MINIMUM_INCREASED(false, INCREASED), MINIMUM_DECREASED(true, NONE),
    EXCLUSIVE_MAXIMUM_ADDED(false, KEYWORD), EXCLUSIVE_MAXIMUM_REMOVED(true, NONE),
    EXCLUSIVE_MAXIMUM_INCREASED(true, NONE), EXCLUSIVE_MAXIMUM_DECREASED(false, DECREASED),
    EXCLUSIVE_MINIMUM_ADDED(false, KEYWORD), EXCLUSIVE_MINIMUM_REMOVED(true, NONE),
    EXCLUSIVE_MINIMUM_INCREASED(false, INCREASED), EXCLUSIVE_MINIMUM_DECREASED(true, NONE),
    MULTIPLE_OF_ADDED(false, KEYWORD), MULTIPLE_OF_REMOVED(true, NONE),
    MULTIPLE_OF_EXPANDED(false, INCREASED), MULTIPLE_OF_REDUCED(true, NONE), MULTIPLE_OF_CHANGED(false, VALUE_CHANGED),

    REQUIRED_ATTRIBUTE_ADDED(false, KEYWORD), REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(true, NONE),
    REQUIRED_ATTRIBUTE_REMOVED(true, NONE),
    MAX_PROPERTIES_ADDED(false, KEYWORD), MAX_PROPERTIES_REMOVED(true, NONE),
    MAX_PROPERTIES_INCREASED(true, NONE), MAX_PROPERTIES_DECREASED(false, DECREASED),
    MIN_PROPERTIES_ADDED(false, KEYWORD), MIN_PROPERTIES_REMOVED(true, NONE),
    MIN_PROPERTIES_INCREASED(false, INCREASED), MIN_PROPERTIES_DECREASED(true, NONE),
    ADDITIONAL_PROPERTIES_ADDED(true, NONE), ADDITIONAL_PROPERTIES_REMOVED(false, KEYWORD),
    ADDITIONAL_PROPERTIES_EXTENDED(true, NONE), ADDITIONAL_PROPERTIES_NARROWED(false, NARROWED),
    UNEVALUATED_PROPERTIES_ADDED(true, NONE), UNEVALUATED_PROPERTIES_REMOVED(false, KEYWORD),
    UNEVALUATED_PROPERTIES_EXTENDED(true, NONE), UNEVALUATED_PROPERTIES_NARROWED(false, NARROWED),
    DEPENDENCY_ARRAY_ADDED(false, KEYWORD), DEPENDENCY_ARRAY_REMOVED(true, NONE),
    DEPENDENCY_ARRAY_EXTENDED(false, EXTENDED), DEPENDENCY_ARRAY_NARROWED(true, NONE),
    DEPENDENCY_ARRAY_CHANGED(false, VALUE_CHANGED),
    DEPENDENCY_SCHEMA_ADDED(false, KEYWORD), DEPENDENCY_SCHEMA_REMOVED(true, NONE),

    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false, ADDED_TO_OPEN),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(false, ADDED_TO_OPEN),
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false, ADDED_TO_OPEN),
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true, NONE),
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(false, REQUIRED_ADDED_TO_UNOPEN),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(true, NONE),
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(true, NONE),
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(true, NONE),
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true, NONE),
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, REMOVED_FROM_CLOSED),
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, NONE),
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, REMOVED_NOT_COVERED),
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, NONE),
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, ADDED_NOT_COVERED),

    MAX_ITEMS_ADDED(false, KEYWORD), MAX_ITEMS_REMOVED(true, NONE),
    MAX_ITEMS_INCREASED(true, NONE), MAX_ITEMS_DECREASED(false, DECREASED),
    MIN_ITEMS_ADDED(false, KEYWORD), MIN_ITEMS_REMOVED(true, NONE),
    MIN_ITEMS_INCREASED(false, INCREASED), MIN_ITEMS_DECREASED(true, NONE),
    MAX_CONTAINS_ADDED(false, KEYWORD), MAX_CONTAINS_REMOVED(true, NONE),
    MAX_CONTAINS_INCREASED(true, NONE), MAX_CONTAINS_DECREASED(false, DECREASED),
    MIN_CONTAINS_ADDED(false, KEYWORD), MIN_CONTAINS_REMOVED(true, NONE),
    MIN_CONTAINS_INCREASED(false, INCREASED), MIN_CONTAINS_DECREASED(true, NONE),
    UNIQUE_ITEMS_ADDED(false, KEYWORD), UNIQUE_ITEMS_REMOVED(true, NONE),
    ADDITIONAL_ITEMS_ADDED(true, NONE), ADDITIONAL_ITEMS_REMOVED(false, KEYWORD),
    ADDITIONAL_ITEMS_EXTENDED(true, NONE), ADDITIONAL_ITEMS_NARROWED(false, NARROWED),
    UNEVALUATED_ITEMS_ADDED(true, NONE), UNEVALUATED_ITEMS_REMOVED(false, KEYWORD),
    UNEVALUATED_ITEMS_EXTENDED(true, NONE), UNEVALUATED_ITEMS_NARROWED(false, NARROWED),
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL(false, ADDED_TO_OPEN),
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true, NONE),
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(true, NONE),
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(true, NONE),
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true, NONE),
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, REMOVED_FROM_CLOSED),
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, NONE),
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, REMOVED_NOT_COVERED),
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, NONE),
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, ADDED_NOT_COVERED),

    ENUM_ARRAY_EXTENDED(true, NONE), ENUM_ARRAY_NARROWED(false, NARROWED), ENUM_ARRAY_CHANGED(false, TYPE),

    COMBINED_TYPE_EXTENDED(true, NONE), COMBINED_TYPE_CHANGED(false, TYPE),
    PRODUCT_TYPE_EXTENDED(false, EXTENDED), PRODUCT_TYPE_NARROWED(true, NONE),
    SUM_TYPE_EXTENDED(true, NONE), SUM_TYPE_NARROWED(false, NARROWED),
    COMBINED_TYPE_SUBSCHEMAS_CHANGED(false, TYPE),
    NOT_TYPE_EXTENDED(false, EXTENDED), NOT_TYPE_NARROWED(true, NONE);

    final boolean compatible;
    private final Wording wording;

    DifferenceType(boolean compatible, Wording wording) {
        this.compatible = compatible;
        this.wording = wording;
    }

    /** Confluent's description; the first {@code %s} is the reader's role, the second the writer's. */
    String describe(String path) {
        return wording.describe(path);
    }

    enum Wording {
        NONE {
            @Override
            String describe(String path) {
                return "";
            }
        },
        KEYWORD {
            @Override
            String describe(String path) {
                return "The keyword at path '" + path + "' in the %s schema is not present in the %s schema";
            }
        },
        INCREASED {
            @Override
            String describe(String path) {
                return "The value at path '" + path + "' in the %s schema is more than its value in the %s schema";
            }
        },
        DECREASED {
            @Override
            String describe(String path) {
                return "The value at path '" + path + "' in the %s schema is less than its value in the %s schema";
            }
        },
        VALUE_CHANGED {
            @Override
            String describe(String path) {
                return "The value at path '" + path + "' is different between the %s and %s schema";
            }
        },
        NARROWED {
            @Override
            String describe(String path) {
                return "An array or combined type at path '" + path
                        + "' has fewer elements in the %s schema than the %s schema";
            }
        },
        EXTENDED {
            @Override
            String describe(String path) {
                return "An array or combined type at path '" + path
                        + "' has more elements in the %s schema than the %s schema";
            }
        },
        TYPE {
            @Override
            String describe(String path) {
                return "A type at path '" + path + "' is different between the %s schema and the %s schema";
            }
        },
        ADDED_TO_OPEN {
            @Override
            String describe(String path) {
                return "The %s schema has an open content model and has a property or item at path '" + path
                        + "' which is missing in the %s schema";
            }
        },
        REQUIRED_ADDED_TO_UNOPEN {
            @Override
            String describe(String path) {
                return "The %s schema has an unopen content model and has a required property at path '" + path
                        + "' which is missing in the %s schema";
            }
        },
        REMOVED_FROM_CLOSED {
            @Override
            String describe(String path) {
                return "The %s schema has a closed content model and is missing a property or item present at path '"
                        + path + "' in the %s schema";
            }
        },
        REMOVED_NOT_COVERED {
            @Override
            String describe(String path) {
                return "A property or item is missing in the %s schema but present at path '" + path
                        + "' in the %s schema and is not covered by its partially open content model";
            }
        },
        ADDED_NOT_COVERED {
            @Override
            String describe(String path) {
                return "The %s schema has a property or item at path '" + path
                        + "' which is missing in the %s schema and is not covered by its partially open content model";
            }
        };

        abstract String describe(String path);
    }
}
