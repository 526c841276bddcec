// libFuzzer target: every request decoder of shared/ (wire.hpp, wire_account.hpp,
// domain_wire.hpp, business_settings.hpp, ticket_filter.hpp) fed through the one parser the
// server uses (parse_json_limited). The first byte picks the decoder, the rest is the body.
// Any crash, sanitizer report or exception escaping a decoder is a finding.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tessera/business_settings.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/json_limits.hpp"
#include "tessera/ticket_filter.hpp"
#include "tessera/wire.hpp"
#include "tessera/wire_account.hpp"

using nlohmann::json;

namespace {
template <class Decoder>
std::function<void(const json&)> run(Decoder decoder) {
  return [decoder](const json& body) { (void)decoder(body); };
}

const std::vector<std::function<void(const json&)>>& decoders() {
  using namespace tessera;
  static const std::vector<std::function<void(const json&)>> all = {
      run(wire::parse_signup),          run(wire::parse_login),
      run(wire::parse_ticket_draft),    run(wire::parse_message_draft),
      run(wire::parse_time_entry_draft), run(wire::parse_time_adjustment),
      run(wire::parse_order_request),   run(wire::parse_subscription_users_request),
      run(wire::parse_invitation_request), run(wire::parse_member_scope),
      run(wire::parse_accept_invitation), run(wire::parse_password_change),
      run(codec::decode_trial_rules),   run(codec::decode_vat_rate),
      run(codec::decode_seller),        run(codec::decode_bank_details),
      run(codec::decode_check_details), run(codec::decode_catalog),
      run(codec::decode_pack_offer),    run(codec::decode_minute_block_offer),
      run(codec::decode_opening_hours), run(codec::decode_sla_targets),
      run(codec::decode_time_zone),     run(codec::decode_evaluation_request),
      run(codec::decode_onboarding_details),
      run(wire::parse_password_reset_request), run(wire::parse_password_reset_confirm), run(wire::parse_signup_confirm),
      run(wire::parse_mail_preferences),
      // Query parameters of ticket lists: the body's string members as the parameters.
      [](const json& body) {
        std::map<std::string, std::string> parameters;
        if (body.is_object())
          for (const auto& [key, value] : body.items())
            if (value.is_string()) parameters[key] = value.get<std::string>();
        (void)parse_ticket_filter(parameters);
      },
  };
  return all;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto& all = decoders();
  const auto& decoder = all[data[0] % all.size()];
  const auto parsed = tessera::parse_json_limited(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), 64 * 1024);
  if (!parsed) return 0;
  try {
    decoder(parsed.value);
  } catch (const json::exception&) {
    __builtin_trap();  // a decoder must answer an Error, never throw
  }
  return 0;
}
