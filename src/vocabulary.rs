//! The one macro behind every closed vocabulary of the crate (node kinds,
//! semantics, themes, formats, …): the enum, `ALL`, `as_str`, `Display`,
//! `FromStr` (with `Err = Error`) and serde, written once.

/// Declares a closed vocabulary.
///
/// ```ignore
/// vocabulary! {
///     /// Doc.
///     Theme, "theme" {
///         /// Doc.
///         Color => "color" | "colour",
///         Mono => "mono",
///     }
/// }
/// ```
///
/// Each variant has its canonical name (used by `as_str`, `Display` and
/// serde) and optional alternative spellings that `FromStr` and serde also
/// accept. Add `ignore_case` after the description to accept any ASCII case.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])* $name:ident, $what:literal $($ignore_case:ident)? {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text $(, alias = $alias)*)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The canonical name, as written in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> $crate::error::Result<Self> {
                let ignore_case = false $(|| stringify!($ignore_case) == "ignore_case")?;
                let same = |name: &str| name == s || (ignore_case && name.eq_ignore_ascii_case(s));
                $( if same($text) $(|| same($alias))* { return Ok($name::$variant); } )+
                Err($crate::error::Error::unknown_name($what, s, &[$($text),+]))
            }
        }
    };
}

pub(crate) use vocabulary;
