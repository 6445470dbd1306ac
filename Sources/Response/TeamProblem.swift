import ReserveModel
/// The numbers a team assignment needs: teams, what each risk area requires, and
/// which team can reach which requirement how fast.
public struct TeamProblem: Sendable {
    /// A rescue team (应急力量 / 救援队伍).
    public struct Team: Sendable, Hashable {
        /// The team's id.
        public var id: TeamID
        /// People in the team.
        public var headcount: Int
        /// Hours from the alarm until the team leaves its base.
        public var mobilisationHours: Double
        /// Creates a team.
        public init(id: TeamID, headcount: Int, mobilisationHours: Double) {
            self.id = id
            self.headcount = headcount
            self.mobilisationHours = mobilisationHours
        }
    }

    /// What one risk area needs of one specialty.
    public struct Requirement: Sendable, Hashable {
        /// The risk area's id.
        public var area: AreaID
        /// The specialty (hazard type) needed, e.g. `forestFire`.
        public var specialty: HazardType
        /// People needed.
        public var headcount: Int
        /// Priority weight (incident response level; I = 4 … IV = 1).
        public var priority: Double
        /// The arrival target, hours (the policy's, usually 2).
        public var targetHours: Double
        /// The incident it belongs to (for reports).
        public var incident: IncidentID
        /// Creates a requirement.
        public init(area: AreaID, specialty: HazardType, headcount: Int, priority: Double = 1, targetHours: Double = 2, incident: IncidentID = "") {
            self.area = area
            self.specialty = specialty
            self.headcount = headcount
            self.priority = priority
            self.targetHours = targetHours
            self.incident = incident
        }
    }

    /// A team that has the requirement's specialty and can reach its area.
    public struct Option: Sendable, Hashable {
        /// Index into ``TeamProblem/teams``.
        public var team: Int
        /// Index into ``TeamProblem/requirements``.
        public var requirement: Int
        /// Travel hours from the team's base to the area on the scenario's network.
        public var travelHours: Double
        /// Creates an option.
        public init(team: Int, requirement: Int, travelHours: Double) {
            self.team = team
            self.requirement = requirement
            self.travelHours = travelHours
        }
    }

    /// Teams.
    public var teams: [Team]
    /// Requirements.
    public var requirements: [Requirement]
    /// Feasible (team, requirement) pairs.
    public var options: [Option]

    /// Creates a problem.
    public init(teams: [Team], requirements: [Requirement], options: [Option]) {
        self.teams = teams
        self.requirements = requirements
        self.options = options
    }

    /// Every problem that makes this value unusable.
    public func validate() -> [ProblemIssue] {
        var problems: [ProblemIssue] = []
        for (j, team) in teams.enumerated() {
            if team.headcount < 0 { problems.append(ProblemIssue("teams[\(j)] (\(team.id))", "headcount must be ≥ 0, got \(team.headcount)")) }
            if !(team.mobilisationHours >= 0 && team.mobilisationHours.isFinite) {
                problems.append(ProblemIssue("teams[\(j)] (\(team.id))", "mobilisationHours must be a number ≥ 0, got \(team.mobilisationHours)"))
            }
        }
        for (r, req) in requirements.enumerated() {
            if req.headcount < 0 { problems.append(ProblemIssue("requirements[\(r)] (\(req.area))", "headcount must be ≥ 0, got \(req.headcount)")) }
            if !(req.priority >= 0 && req.priority.isFinite) { problems.append(ProblemIssue("requirements[\(r)] (\(req.area))", "priority must be ≥ 0, got \(req.priority)")) }
            if !(req.targetHours >= 0 && req.targetHours.isFinite) { problems.append(ProblemIssue("requirements[\(r)] (\(req.area))", "targetHours must be ≥ 0, got \(req.targetHours)")) }
        }
        for (k, option) in options.enumerated() {
            if !teams.indices.contains(option.team) { problems.append(ProblemIssue("options[\(k)]", "team \(option.team) does not exist")) }
            if !requirements.indices.contains(option.requirement) { problems.append(ProblemIssue("options[\(k)]", "requirement \(option.requirement) does not exist")) }
            if !(option.travelHours >= 0 && option.travelHours.isFinite) { problems.append(ProblemIssue("options[\(k)]", "travelHours must be ≥ 0, got \(option.travelHours)")) }
        }
        return problems
    }
}
