package org.parkhub.customs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A reader that knows where it is, as the element path a sender can find in its own document:
 * {@code /CEB311Message/Order[2]/OrderHead/orderNo} (a position only from the second element of a name on).
 * An element stays on the path until the event after its end, so a complaint about its value names it.
 */
final class ElementPath extends StreamReaderDelegate {

    private record Step(String name, Map<String, Integer> seen) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Map<String, Integer> topLevel = new HashMap<>();
    private boolean ended;

    ElementPath(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        if (ended) {
            steps.pop();
            ended = false;
        }
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            Map<String, Integer> siblings = steps.isEmpty() ? topLevel : steps.peek().seen();
            int position = siblings.merge(getLocalName(), 1, Integer::sum);
            steps.push(new Step(position == 1 ? getLocalName() : getLocalName() + "[" + position + "]", new HashMap<>()));
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            ended = true;
        }
        return event;
    }

    /** The delegate's own nextTag would move the reader past this one's {@link #next()}, and lose the path. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    String path() {
        if (steps.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        steps.descendingIterator().forEachRemaining(s -> path.append('/').append(s.name()));
        return path.toString();
    }
}
