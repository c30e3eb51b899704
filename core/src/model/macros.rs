//! The declaration macro shared by every DCSA object type of the model.

/// Declares one DCSA object: every member optional (a missing required member is a validation
/// finding, not a parse error), named exactly as in the JSON, skipped when absent, and every
/// member the model does not know kept in `extra` so that re-serialising gives back the input.
///
/// `@document` marks the top-level object: it also remembers the explicit `null` members and
/// derives serde as `remote = "Self"`, so that its own `Serialize`/`Deserialize` can put the
/// `null`s back around the derived code.
macro_rules! dcsa_object {
    (
        @document
        $(#[$meta:meta])*
        $name:ident { $($fields:tt)* }
    ) => {
        $crate::model::macros::dcsa_object! {
            @emit
            [#[serde(remote = "Self")]]
            [
                /// Members anywhere in the document that were an explicit `null`; they are
                /// written back so the canonical bytes stay those received.
                #[serde(skip)]
                pub(crate) nulls: Vec<$crate::model::nulls::NullMember>,
            ]
            $(#[$meta])*
            $name { $($fields)* }
        }
    };
    (
        @emit
        [$($serde_meta:tt)*]
        [$($own_field:tt)*]
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$field_meta:meta])* $json:literal => $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        $($serde_meta)*
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(rename = $json, default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// Members this model does not know (newer spec versions, extensions), kept
            /// exactly as received and written back in place.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
            $($own_field)*
        }

        impl $name {
            /// The JSON member names this type models.
            ///
            /// ```
            #[doc = concat!("use ebl::model::", stringify!($name), ";")]
            ///
            /// // Each listed name is read into its field; any other member is kept in `extra`.
            #[doc = concat!("for name in ", stringify!($name), "::FIELDS {")]
            ///     let mut object = serde_json::Map::new();
            ///     object.insert(name.to_string(), serde_json::Value::Null);
            ///     object.insert("x-custom".into(), 1.into());
            #[doc = concat!("    let value: ", stringify!($name), " = serde_json::from_value(object.into()).unwrap();")]
            ///     assert_eq!(value.extra.keys().collect::<Vec<_>>(), ["x-custom"]);
            /// }
            /// ```
            pub const FIELDS: &'static [&'static str] = &[$($json),*];
        }
    };
    (
        $(#[$meta:meta])*
        $name:ident { $($fields:tt)* }
    ) => {
        $crate::model::macros::dcsa_object! { @emit [] [] $(#[$meta])* $name { $($fields)* } }
    };
}

pub(crate) use dcsa_object;
