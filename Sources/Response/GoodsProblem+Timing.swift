/// The timing rules of a goods dispatch, written once: the model's on-time test,
/// every order's departure and arrival, the shortfall's earliest possible arrival
/// and coverage's relief times all come from these (docs/formulation.md, "Times").
extension GoodsProblem {
    /// When source `s` can first start loading, hours from the scenario start: its
    /// lead time, and for production its ramp-up.
    public func earliestReadyHours(of s: Int) -> Double {
        max(sources[s].availableAfterHours, sources[s].production?.rampUpHours ?? 0)
    }

    /// When a load that is ready at `readyHours` leaves source `s` for area `a`:
    /// nothing leaves before the area's incident has started, and loading takes the
    /// source's handling hours.
    public func departureHours(readyHours: Double, source s: Int, area a: Int) -> Double {
        max(readyHours, areas[a].earliestDepartureHours) + sources[s].handlingHours
    }

    /// When a load that is ready at `readyHours` arrives over route `r`.
    public func arrivalHours(readyHours: Double, route r: Int) -> Double {
        departureHours(readyHours: readyHours, source: routes[r].source, area: routes[r].area) + routes[r].travelHours
    }
}
