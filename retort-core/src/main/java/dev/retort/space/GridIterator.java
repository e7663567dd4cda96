package dev.retort.space;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks a space's grid like nested for-loops in declaration order: an odometer whose last factor turns fastest.
 * Holds one cursor per factor at every depth, never the product.
 */
final class GridIterator implements Iterator<Config> {
    private final SpaceCursor root;
    private final Object[] buffer;
    private boolean hasNext = true;

    GridIterator(Space space) {
        root = new SpaceCursor(space);
        buffer = new Object[root.width()];
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public Config next() {
        if (!hasNext) throw new NoSuchElementException();
        int n = root.write(buffer, 0);
        Config c = Config.of(Arrays.copyOf(buffer, n));
        hasNext = root.advance();
        return c;
    }

    /** The position in one space: a cursor per factor; advancing carries from the last factor to the first. */
    private static final class SpaceCursor {
        private final FactorCursor[] cursors;

        SpaceCursor(Space space) {
            List<Factor> fs = space.factors();
            cursors = new FactorCursor[fs.size()];
            for (int i = 0; i < cursors.length; i++) {
                Factor f = fs.get(i);
                cursors[i] = f instanceof Factor.Plain p ? new PlainCursor(p) : new BranchCursor((Factor.Branch) f);
            }
        }

        boolean advance() {
            for (int k = cursors.length - 1; k >= 0; k--) {
                if (cursors[k].advance()) return true;
                cursors[k].reset();
            }
            return false;
        }

        void reset() {
            for (FactorCursor c : cursors) c.reset();
        }

        int write(Object[] out, int pos) {
            for (FactorCursor c : cursors) pos = c.write(out, pos);
            return pos;
        }

        int width() {
            int w = 0;
            for (FactorCursor c : cursors) w += c.width();
            return w;
        }
    }

    private interface FactorCursor {
        boolean advance();

        void reset();

        int write(Object[] out, int pos);

        /** Most slots (two per parameter) this factor can write. */
        int width();
    }

    private static final class PlainCursor implements FactorCursor {
        private final String name;
        private final Domain domain;
        private final long size;
        private long i;

        PlainCursor(Factor.Plain f) {
            name = f.name();
            domain = f.domain();
            size = domain.size();
        }

        public boolean advance() {
            return ++i < size;
        }

        public void reset() {
            i = 0;
        }

        public int write(Object[] out, int pos) {
            out[pos] = name;
            out[pos + 1] = domain.level(i);
            return pos + 2;
        }

        public int width() {
            return 2;
        }
    }

    private static final class BranchCursor implements FactorCursor {
        private final String name;
        private final List<Object> values;
        private final SpaceCursor[] subs;
        private int j;

        BranchCursor(Factor.Branch f) {
            name = f.name();
            values = f.levels().values();
            subs = new SpaceCursor[values.size()];
            for (int i = 0; i < subs.length; i++) subs[i] = new SpaceCursor(f.levels().subSpace(i));
        }

        public boolean advance() {
            if (subs[j].advance()) return true;
            if (++j >= subs.length) return false;
            subs[j].reset();
            return true;
        }

        public void reset() {
            j = 0;
            subs[0].reset();
        }

        public int write(Object[] out, int pos) {
            out[pos] = name;
            out[pos + 1] = values.get(j);
            return subs[j].write(out, pos + 2);
        }

        public int width() {
            int w = 0;
            for (SpaceCursor s : subs) w = Math.max(w, s.width());
            return 2 + w;
        }
    }
}
