//! Word starts: where in a text a word beginning with one of a few bytes may start, found
//! sixty-four bytes at a time.
//!
//! A snippet looks for a handful of query words in units of up to tens of kilobytes. Rather
//! than testing every byte, [`Starts`] compares a block of sixteen bytes at once (SSE2 on
//! x86_64, a plain loop elsewhere) with the few bytes a matching word may begin with and with
//! the bytes before them, four blocks to a window, and yields only the positions that are
//! both a marked byte and not inside a run of ASCII letters and digits. The caller checks
//! each one (a position after a non-ASCII letter is still inside a word).

/// Most distinct ASCII bytes compared block-wise; with more, every word start is a candidate
/// and the byte table decides.
const MAX_COMPARED: usize = 12;

/// Bytes of a block.
const BLOCK: usize = 16;

/// Bytes of a window: the candidates of four blocks, one bit per byte of a `u64`. A caller
/// moving on past a word mostly stays inside the window rather than reading a new one.
const WINDOW: usize = 4 * BLOCK;

/// The bytes a sought word may start with.
#[derive(Debug, Clone)]
pub struct FirstBytes {
    /// Every marked byte (ASCII in either case, and non-ASCII lead bytes when marked).
    table: [bool; 256],
    /// The marked ASCII bytes with the case bit set (`C` and `c` are both `c`), when few
    /// enough to compare block-wise.
    compared: Option<Vec<u8>>,
}

impl FirstBytes {
    /// Marks the ASCII letters and digits of `ascii` (in both cases) and, with `non_ascii`,
    /// every character beyond ASCII (`É` may fold to a marked `e`).
    pub fn new(ascii: impl IntoIterator<Item = u8>, non_ascii: bool) -> FirstBytes {
        let mut table = [false; 256];
        for byte in ascii.into_iter().filter(u8::is_ascii_alphanumeric) {
            table[byte.to_ascii_lowercase() as usize] = true;
            table[byte.to_ascii_uppercase() as usize] = true;
        }
        if non_ascii {
            // Lead bytes of multi-byte characters; continuation bytes start nothing.
            table[0xC0..].fill(true);
        }
        let mut lowered: Vec<u8> = (0..0x80u8)
            .filter(|b| table[*b as usize])
            .map(|b| b | 0x20)
            .collect();
        lowered.sort_unstable();
        lowered.dedup();
        FirstBytes {
            table,
            compared: (lowered.len() <= MAX_COMPARED).then_some(lowered),
        }
    }

    /// Whether `byte` is marked.
    pub fn contains(&self, byte: u8) -> bool {
        self.table[byte as usize]
    }

    /// Whether a word may start with a character beyond ASCII (lead bytes are marked).
    fn non_ascii(&self) -> bool {
        self.table[0xC0]
    }
}

/// The candidate word starts of a text, in order (see the module documentation).
pub struct Starts<'a> {
    bytes: &'a [u8],
    first: &'a FirstBytes,
    /// Offset of the window `pending` describes.
    window_at: usize,
    /// Candidates of that window not yet yielded, one bit per byte.
    pending: u64,
    /// The window's ASCII letters and digits, one bit per byte.
    alphanumeric: u64,
}

impl<'a> Starts<'a> {
    /// Candidate starts of `text` for the bytes of `first`.
    pub fn new(text: &'a str, first: &'a FirstBytes) -> Starts<'a> {
        let mut starts = Starts {
            bytes: text.as_bytes(),
            first,
            window_at: 0,
            pending: 0,
            alphanumeric: 0,
        };
        starts.load(0);
        starts
    }

    /// The first candidate at or after byte `from` (asking again with the same `from`
    /// gives the same answer: callers move `from` past what they are done with).
    pub fn next_from(&mut self, from: usize) -> Option<usize> {
        if from < self.window_at || from >= self.window_at + WINDOW {
            self.load(from);
        } else {
            // Forget the candidates before `from`.
            let skipped = (from - self.window_at) as u32;
            self.pending &= u64::MAX.checked_shl(skipped).unwrap_or(0);
        }
        loop {
            if self.pending != 0 {
                let at = self.window_at + self.pending.trailing_zeros() as usize;
                if self.first.contains(self.bytes[at]) {
                    return Some(at);
                }
                self.pending &= self.pending - 1;
                continue;
            }
            let next = self.window_at + WINDOW;
            if next >= self.bytes.len() {
                return None;
            }
            self.load(next);
        }
    }

    /// Where the run of ASCII letters and digits starting at byte `at` of the current
    /// window ends, if it ends inside the window (at a byte that is not one, or at the end
    /// of the text); a caller must still look at that byte when it is beyond ASCII.
    pub fn ascii_run_end(&self, at: usize) -> Option<usize> {
        let offset = at.checked_sub(self.window_at).filter(|&o| o < WINDOW)?;
        let ended = !self.alphanumeric & (u64::MAX << offset);
        (ended != 0)
            .then(|| (self.window_at + ended.trailing_zeros() as usize).min(self.bytes.len()))
    }

    /// Reads the window starting at `at`.
    fn load(&mut self, at: usize) {
        self.window_at = at;
        let rest = self.bytes.get(at..).unwrap_or(&[]);
        let before = at.checked_sub(1).map_or(b' ', |i| self.bytes[i]);
        (self.pending, self.alphanumeric) = match rest.first_chunk::<WINDOW>() {
            Some(window) => window_candidates(window, before, self.first),
            None => {
                // The last, short window, padded (with bytes that are not letters); nothing
                // past the end is a candidate.
                let mut window = [0u8; WINDOW];
                window[..rest.len()].copy_from_slice(rest);
                let in_text = (1u64 << rest.len()) - 1;
                let (candidates, alphanumeric) = window_candidates(&window, before, self.first);
                (candidates & in_text, alphanumeric)
            }
        };
    }
}

/// One bit per byte of `window` that may be marked (with too many marked bytes to compare,
/// any letter, digit or lead byte) and is not preceded by an ASCII letter or digit; `before`
/// is the byte before the window. Also the window's ASCII letters and digits.
fn window_candidates(window: &[u8; WINDOW], before: u8, first: &FirstBytes) -> (u64, u64) {
    let (mut alphanumeric, mut marked) = (0u64, 0u64);
    let (blocks, _) = window.as_chunks::<BLOCK>();
    for (i, block) in blocks.iter().enumerate() {
        let masks = block_masks(block, first);
        alphanumeric |= u64::from(masks.alphanumeric) << (i * BLOCK);
        marked |= u64::from(masks.marked) << (i * BLOCK);
    }
    let preceded = (alphanumeric << 1) | u64::from(before.is_ascii_alphanumeric());
    (marked & !preceded, alphanumeric)
}

/// What a block holds, one bit per byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Masks {
    /// ASCII letters and digits.
    alphanumeric: u16,
    /// Bytes a sought word may start with (a superset: each is checked in the table).
    marked: u16,
}

#[cfg(target_arch = "x86_64")]
fn block_masks(block: &[u8; BLOCK], first: &FirstBytes) -> Masks {
    // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
    unsafe { sse2::block_masks(block, first) }
}

#[cfg(not(target_arch = "x86_64"))]
fn block_masks(block: &[u8; BLOCK], first: &FirstBytes) -> Masks {
    block_masks_scalar(block, first)
}

/// [`block_masks`] a byte at a time: the reference the SIMD version is tested against.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn block_masks_scalar(block: &[u8; BLOCK], first: &FirstBytes) -> Masks {
    let mut masks = Masks {
        alphanumeric: 0,
        marked: 0,
    };
    for (i, &byte) in block.iter().enumerate() {
        let bit = 1u16 << i;
        let lead = byte >= 0xC0;
        if byte.is_ascii_alphanumeric() {
            masks.alphanumeric |= bit;
        }
        let marked = match &first.compared {
            Some(compared) => compared.contains(&(byte | 0x20)) || (first.non_ascii() && lead),
            None => byte.is_ascii_alphanumeric() || lead,
        };
        if marked {
            masks.marked |= bit;
        }
    }
    masks
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
    };

    use super::{BLOCK, FirstBytes, Masks};

    /// Sixteen bytes compared at once.
    #[target_feature(enable = "sse2")]
    pub(super) fn block_masks(block: &[u8; BLOCK], first: &FirstBytes) -> Masks {
        // SAFETY: `block` is 16 readable bytes; the load needs no alignment.
        let x = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
        let lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
        // Signed compares: bytes beyond ASCII are negative and fall outside both ranges.
        let alphanumeric = _mm_or_si128(within(lower, b'a', b'z'), within(x, b'0', b'9'));
        // Lead bytes (0xC0..=0xFF) are the negative bytes above -65 (0xBF).
        let negative = _mm_cmplt_epi8(x, _mm_setzero_si128());
        let lead = _mm_and_si128(negative, _mm_cmpgt_epi8(x, _mm_set1_epi8(-65)));
        let marked = match &first.compared {
            Some(compared) => {
                let mut marked = if first.non_ascii() {
                    lead
                } else {
                    _mm_setzero_si128()
                };
                for &byte in compared {
                    let equal = _mm_cmpeq_epi8(lower, _mm_set1_epi8(byte as i8));
                    marked = _mm_or_si128(marked, equal);
                }
                marked
            }
            None => _mm_or_si128(alphanumeric, lead),
        };
        Masks {
            alphanumeric: _mm_movemask_epi8(alphanumeric) as u16,
            marked: _mm_movemask_epi8(marked) as u16,
        }
    }

    /// The bytes of `x` within `low..=high` (both ASCII), as all-ones bytes.
    #[target_feature(enable = "sse2")]
    fn within(x: __m128i, low: u8, high: u8) -> __m128i {
        let above = _mm_cmpgt_epi8(x, _mm_set1_epi8(low as i8 - 1));
        let below = _mm_cmplt_epi8(x, _mm_set1_epi8(high as i8 + 1));
        _mm_and_si128(above, below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The block-wise masks are the byte-by-byte ones.
        #[test]
        fn block_masks_are_the_scalar_ones(
            block in proptest::array::uniform16(any::<u8>()),
            marked in proptest::collection::vec(any::<u8>(), 0..20),
            non_ascii in any::<bool>(),
        ) {
            let first = FirstBytes::new(marked, non_ascii);
            prop_assert_eq!(block_masks(&block, &first), block_masks_scalar(&block, &first));
        }
    }

    proptest! {
        /// The candidates are exactly the marked bytes after no ASCII letter or digit, also
        /// where the last block runs past the end of the text.
        #[test]
        fn candidates_are_marked_bytes_after_no_ascii_alphanumeric(
            text in "[a-eA-E0-9 ,.(/'’éÉçαЖ\u{a0}-]{0,200}",
            marked in proptest::collection::vec(any::<u8>(), 0..30),
            non_ascii in any::<bool>(),
        ) {
            let first = FirstBytes::new(marked.iter().copied(), non_ascii);
            let is_marked = |byte: u8| match byte {
                0..0x80 => byte.is_ascii_alphanumeric() && marked.iter().any(|m| m.eq_ignore_ascii_case(&byte)),
                0x80..0xC0 => false,
                _ => non_ascii,
            };
            let bytes = text.as_bytes();
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&p| is_marked(bytes[p]))
                .filter(|&p| p == 0 || !bytes[p - 1].is_ascii_alphanumeric())
                .collect();
            prop_assert_eq!(starts(&text, &first), expected);
        }
    }

    fn starts(text: &str, first: &FirstBytes) -> Vec<usize> {
        let mut starts = Starts::new(text, first);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = starts.next_from(from) {
            found.push(at);
            from = at + 1;
        }
        found
    }

    #[test]
    fn candidates_are_marked_bytes_after_no_ascii_letter() {
        let first = FirstBytes::new(*b"c", false);
        let text = "a child, the Children's cycle; 1c, ecc and c";
        let expected = [2, 13, 24, text.len() - 1];
        assert_eq!(starts(text, &first), expected);
    }

    #[test]
    fn lead_bytes_are_candidates_when_marked() {
        let text = "élément «énergie» x";
        assert_eq!(starts(text, &FirstBytes::new([], true)), [0, 10, 12]);
        assert!(starts(text, &FirstBytes::new([], false)).is_empty());
    }
}
