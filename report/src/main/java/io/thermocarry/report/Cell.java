package io.thermocarry.report;

import io.thermocarry.core.Checks;

/** A table cell: text, or a number kept exactly beside how it is shown. */
public sealed interface Cell permits Cell.Text, Cell.Num {

    /** Text shown in the cell. */
    String display();

    /** A text cell. */
    static Cell text(String s) {
        return new Text(s, Block.Tone.NEUTRAL);
    }

    /** A coloured text cell (e.g. a regime name). */
    static Cell text(String s, Block.Tone tone) {
        return new Text(s, tone);
    }

    /** A number shown with {@code format}. */
    static Cell num(double value, NumFormat format) {
        return new Num(value, format);
    }

    /**
     * A text cell.
     *
     * @param text the text
     * @param tone colour
     */
    record Text(String text, Block.Tone tone) implements Cell {
        /** Validates. */
        public Text {
            Checks.notNull(text, "text");
            Checks.notNull(tone, "tone");
        }

        @Override
        public String display() {
            return text;
        }
    }

    /**
     * A numeric cell. Its exact {@code value} goes into the HTML as {@code data-v} (Java's
     * {@link Double#toString}, empty for NaN), the formatted text is what a reader sees.
     *
     * @param value the number in its model unit (fractions stay fractions; the format scales)
     * @param format display format
     */
    record Num(double value, NumFormat format) implements Cell {
        /** Validates. */
        public Num {
            Checks.notNull(format, "format");
        }

        @Override
        public String display() {
            return format.format(value);
        }
    }
}
