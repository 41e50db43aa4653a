//! Greedy word wrap of labels, by characters.

use std::borrow::Cow;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// A word, or a piece of a word too long for a line.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    /// Its length in characters (Unicode scalar values).
    chars: usize,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.chars as f64
    }

    fn whitespace_width(&self) -> f64 {
        1.0
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// `text` wrapped at `width` characters (at least 1), lines joined with
/// `\n`: words (split at Unicode whitespace, as `str::split_whitespace`
/// does) fill each line greedily, one space apart; a word longer than a
/// line is cut into pieces of `width` characters. O(len).
///
/// Only textwrap's first-fit algorithm is used: its own `wrap` measures
/// display columns (anything from U+1100 on counts two without its
/// `unicode-width` feature, so "1979–1989" would be 11 wide) and skips ANSI
/// escape sequences, which would change where the seed's labels break.
pub(crate) fn wrap(text: &str, width: usize) -> Cow<'_, str> {
    let width = width.max(1);
    // Most labels fit on one line and are spaced singly: nothing to do.
    if text.len() <= width && is_spaced_singly(text) {
        return Cow::Borrowed(text);
    }
    // A word and its space take at least two bytes: room for every piece
    // but those of over-long words, without regrowing.
    let mut pieces = Vec::with_capacity(text.len() / 2 + 1);
    for word in text.split_whitespace() {
        let chars = if word.is_ascii() {
            word.len()
        } else {
            word.chars().count()
        };
        let (mut rest, mut chars) = (word, chars);
        while chars > width {
            let (cut, _) = rest
                .char_indices()
                .nth(width)
                .expect("more than width chars");
            pieces.push(Piece {
                text: &rest[..cut],
                chars: width,
            });
            rest = &rest[cut..];
            chars -= width;
        }
        pieces.push(Piece { text: rest, chars });
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in wrap_first_fit(&pieces, &[width as f64]).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, piece) in line.iter().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            out.push_str(piece.text);
        }
    }
    Cow::Owned(out)
}

/// `true` if `text`'s only whitespace is single ASCII spaces between
/// words: what [`wrap`] would give for a text that fits on one line.
fn is_spaced_singly(text: &str) -> bool {
    !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ')
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use proptest::prelude::*;

    #[test]
    fn wrap_breaks_on_words_and_cuts_long_ones() {
        assert_eq!(
            wrap("the quick brown fox jumps over the lazy dog", 10),
            "the quick\nbrown fox\njumps over\nthe lazy\ndog"
        );
        assert_eq!(
            wrap("abcdefghijklmnopqrstu", 8),
            "abcdefgh\nijklmnop\nqrstu"
        );
        assert_eq!(wrap("ab abcdefghijklmnop", 8), "ab\nabcdefgh\nijklmnop");
        assert_eq!(
            wrap("Россия и Афганистан после", 10),
            "Россия и\nАфганистан\nпосле"
        );
        assert_eq!(wrap("in 1979–1989 it was", 12), "in 1979–1989\nit was");
        assert_eq!(wrap("  a \n\t b\u{3000}c  ", 8), "a b c");
        assert_eq!(wrap("\u{1b}[1m bold", 8), "\u{1b}[1m\nbold");
        assert_eq!(wrap("", 8), "");
    }

    /// The greedy wrap as the hand-written wrapper did it before textwrap.
    fn reference(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = 0;
        for mut word in text.split_whitespace() {
            let mut len = word.chars().count();
            if line > 0 && line + 1 + len > width {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            while len > width {
                let cut = word
                    .char_indices()
                    .nth(width - line)
                    .map_or(word.len(), |(i, _)| i);
                out.push_str(&word[..cut]);
                out.push('\n');
                word = &word[cut..];
                len -= width - line;
                line = 0;
            }
            out.push_str(word);
            line += len;
        }
        out
    }

    proptest! {
        #[test]
        fn wrap_is_the_greedy_wrap(
            words in prop::collection::vec(
                "[a-z]{1,12}|\\PC{1,12}|[ \t\n\u{A0}\u{3000}\u{1b}\\[m]{1,3}|—|🌍|阿富汗",
                0..30,
            ),
            width in 1usize..40,
        ) {
            let text = words.join(" ");
            prop_assert_eq!(wrap(&text, width), reference(&text, width));
        }
    }
}
