//! Line numbers for JSON problems: serde tells where the syntax breaks, but not on which line an
//! object that parsed fine (and is invalid) starts. This scanner finds the line of each element
//! of a top-level array such as `"measures": [ {…}, {…} ]`.

/// The 1-based line on which each element of the top-level array `key` starts, in order.
/// Assumes `text` is valid JSON (call it after parsing succeeded).
pub fn element_lines(text: &str, key: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    let mut last_key_at_depth1: Option<String> = None;
    // Depth of the array we are inside (2 = elements of a top-level array).
    let mut in_target = false;
    let mut expecting_element = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                if depth == 1 {
                    last_key_at_depth1 = Some(text[string_start..i].to_string());
                }
            }
            continue;
        }
        if expecting_element && !c.is_whitespace() && c != ']' {
            lines.push(line);
            expecting_element = false;
        }
        match c {
            '"' => {
                in_string = true;
                string_start = i + 1;
            }
            '{' | '[' => {
                depth += 1;
                if depth == 2 && c == '[' && last_key_at_depth1.as_deref() == Some(key) {
                    in_target = true;
                    expecting_element = true;
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    in_target = false;
                    expecting_element = false;
                }
            }
            ',' if depth == 2 && in_target => expecting_element = true,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_element() {
        let text = "{\n \"goals\": [1,\n 2],\n \"measures\": [\n  {\"a\": \"x,{\\\"\"},\n  {\"b\": [1,2]}\n ]\n}";
        assert_eq!(element_lines(text, "measures"), [5, 6]);
        assert_eq!(element_lines(text, "goals"), [2, 3]);
        assert_eq!(
            element_lines("{\"measures\": []}", "measures"),
            Vec::<usize>::new()
        );
    }
}
